/**
 * Every read-only tool called once through the SDK client against the simulator: the client
 * checks each structured result against the tool's output schema, so a schema that does not
 * describe what the tool returns fails here.
 */
import { type AnyOperation, operations } from '@aikynetix/core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type Connected, connectStdio, serverEnv, type Sim, startSim, textOf } from './helpers';

// Real processes on a shared machine: allow slow starts.
jest.setTimeout(60_000);

describe('every read-only tool over stdio', () => {
  let sim: Sim;
  let mcp: Connected;
  let ids: Record<string, string>;
  let names: Map<string, string>;

  beforeAll(async () => {
    sim = await startSim();
    ids = {};
    for (const activity of ['Running', 'Vertical Jump', 'Weightlifting'] as const) {
      ids[activity] = sim.control.seed({ count: 1, activity }).ids[0];
    }
    mcp = await connectStdio(serverEnv(sim));
    const { tools } = await mcp.client.listTools();
    names = new Map(tools.filter((t) => t._meta?.['aikynetix/operationId']).map((t) => [String(t._meta!['aikynetix/operationId']), t.name]));
  });
  afterAll(async () => {
    await mcp?.close();
    await sim?.close();
  });

  const argsFor = (op: AnyOperation): Record<string, unknown> => {
    const shape = op.input.shape as Record<string, unknown>;
    const args: Record<string, unknown> = {};
    if ('session_id' in shape) args.session_id = ids[op.area === 'jumping' ? 'Vertical Jump' : op.area === 'weightlifting' ? 'Weightlifting' : 'Running'];
    if ('session_ids' in shape) args.session_ids = Object.values(ids);
    return args;
  };

  const reads = operations.filter((op) => op.sideEffect === 'none');

  it.each(reads.map((op) => [op.id, op]))('%s returns structured content matching its output schema', async (_id, op) => {
    const r = (await mcp.client.callTool({ name: names.get(op.id)!, arguments: argsFor(op) })) as CallToolResult;
    expect({ op: op.id, isError: r.isError ?? false, text: r.isError ? textOf(r) : '' }).toEqual({ op: op.id, isError: false, text: '' });
    expect(r.structuredContent).toBeDefined();
    // Results stay a size a model can read.
    expect(JSON.stringify(r.structuredContent).length).toBeLessThan(60_000);
  });

  it('runs the writes and the other waits: recommendations, rename, delete', async () => {
    const id = ids.Running;
    const call = async (name: string, args: Record<string, unknown>) => {
      const r = (await mcp.client.callTool({ name, arguments: args })) as CallToolResult;
      expect({ name, isError: r.isError ?? false, text: r.isError ? textOf(r) : '' }).toEqual({ name, isError: false, text: '' });
      return r.structuredContent as Record<string, unknown>;
    };
    await call('generate_gait_recommendations', { session_id: id });
    expect(JSON.stringify((await call('wait_for_gait_recommendations', { session_id: id })).report_comments)).toMatch(/[a-z]/i);
    await call('generate_form_recommendations', { session_id: id });
    expect(JSON.stringify((await call('wait_for_form_recommendations', { session_id: id })).form_comments)).toMatch(/[a-z]/i);
    await call('update_session', { session_id: id, title: 'Renamed by an agent' });
    await call('delete_session', { session_id: ids.Weightlifting });
    const gone = (await mcp.client.callTool({ name: 'get_weightlifting_session', arguments: { session_id: ids.Weightlifting } })) as CallToolResult;
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toContain('find_sessions');
  });
});
