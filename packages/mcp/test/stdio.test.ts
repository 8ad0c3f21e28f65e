/**
 * The built server as a real process over stdio, driven by the SDK's own Client against the
 * simulator: the tool list, the flagship flow, bad input, errors a model can act on, cancellation.
 */
import { operations } from '@aikynetix/core';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type Connected, connectStdio, requestCount, sampleVideo, serverEnv, type Sim, startSim, textOf } from './helpers';

// Real processes on a shared machine: allow slow starts.
jest.setTimeout(60_000);

describe('aikynetix-mcp over stdio', () => {
  let sim: Sim;
  let mcp: Connected;
  const outputs: string[] = [];
  const call = async (name: string, args: Record<string, unknown>, opts: Parameters<Connected['client']['callTool']>[2] = {}) => {
    const r = (await mcp.client.callTool({ name, arguments: args }, undefined, opts)) as CallToolResult;
    outputs.push(JSON.stringify(r));
    return r;
  };

  beforeAll(async () => {
    sim = await startSim();
    mcp = await connectStdio(serverEnv(sim));
  });
  afterAll(async () => {
    await mcp?.close();
    await sim?.close();
  });

  it('lists a tool for every registry operation (compared with the registry), with output schemas', async () => {
    const { tools } = await mcp.client.listTools();
    const ops = tools.map((t) => t._meta?.['aikynetix/operationId']).filter(Boolean);
    expect(ops.sort()).toEqual(operations.map((o) => o.id).sort());
    for (const t of tools) expect(t.outputSchema?.type).toBe('object');
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['upload_video', 'wait_for_session', 'wait_for_summary_text']));
    outputs.push(JSON.stringify(tools));
  });

  it('runs the flagship flow: upload -> wait (with progress) -> gait report -> summary -> analyzed video', async () => {
    // Long enough that the wait sees "processing" first: the SDK client handles a progress
    // notification a tick after it arrives, so one arriving with the result may be dropped.
    sim.control.setDelays({ processingDelayMs: 1500 });
    const up = await call('upload_video', { user_id: 'ana', video: sampleVideo(), session_name: 'Treadmill', incline_degree: 1 });
    sim.control.setDelays({ processingDelayMs: 300 });
    expect(up.isError).toBeFalsy();
    const id = (up.structuredContent as { session_id: string }).session_id;
    expect(textOf(up)).toContain('wait_for_session');

    const progress: Array<{ progress: number; message?: string }> = [];
    const waited = await call('wait_for_session', { session_id: id }, { onprogress: (p) => progress.push(p) });
    expect(waited.structuredContent).toMatchObject({ id, status: 'processed' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0].message).toContain('processing');

    const gait = await call('get_gait_analysis_report', { session_id: id });
    expect(gait.isError).toBeFalsy();
    const left = (gait.structuredContent as any).left;
    expect(left).toBeDefined();
    // The 101-point angle curves arrive as statistics, not dumped.
    expect(JSON.stringify(left)).toContain('"summarised":"series"');
    expect(textOf(gait).length).toBeLessThan(20_000);

    const gen = await call('generate_summary', { session_id: id, measurement_system: 'metric' });
    expect(gen.isError).toBeFalsy();
    const summary = await call('wait_for_summary_text', { session_id: id });
    expect(summary.isError).toBeFalsy();
    expect(String((summary.structuredContent as any).summary_text ?? '')).not.toBe('');

    const video = await call('get_analyzed_video', { session_id: id });
    expect(video.isError).toBeFalsy();
    expect((video.structuredContent as any).analyzed_video_url).toMatch(/^http/);
  });

  it('a report asked for too early says the session is still processing and to wait, not "wrong ID"', async () => {
    sim.control.setDelays({ processingDelayMs: 600_000 });
    const up = await call('upload_video', { user_id: 'ana', video: sampleVideo(), session_name: 'Too early' });
    sim.control.setDelays({ processingDelayMs: 300 });
    const id = (up.structuredContent as { session_id: string }).session_id;
    const early = await call('get_gait_analysis_report', { session_id: id });
    expect(early.isError).toBe(true);
    expect(textOf(early)).toMatch(/still processing.*wait_for_session/);
    expect(textOf(early)).not.toMatch(/find_sessions/);
  });

  it('refuses bad input before any request, naming the field', async () => {
    const before = requestCount(sim);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['upload_video', { user_id: 'ana', video: sampleVideo(), incline_degree: 'steep' }, 'incline_degree'],
      ['upload_video', { user_id: 'ana', video: 'ftp://example.com/a.mp4' }, 'video'],
      ['upload_video', { user_id: 'ana', video: '/no/such/file.mp4' }, 'video'],
      ['upload_video', { user_id: 'ana', video: '/etc/passwd' }, 'video'],
      ['upload_video', { user_id: 'ana', video: 'run.mp4' }, 'absolute'],
      ['get_gait_analysis_report', { session_id: '../admin' }, 'session_id'],
      ['find_sessions', { limit: 500 }, 'limit'],
      ['wait_for_session', { session_id: 'abc', max_wait_seconds: 0 }, 'max_wait_seconds'],
      ['wait_for_session', {}, 'session_id'],
      ['update_session', { session_id: 'abc', color: 'red' }, 'color'],
    ];
    for (const [name, args, field] of cases) {
      const r = await call(name, args);
      expect({ name, isError: r.isError }).toEqual({ name, isError: true });
      expect(textOf(r)).toContain(field);
      expect(textOf(r)).toContain('Nothing was sent');
    }
    expect(requestCount(sim)).toBe(before);
  });

  it('turns errors into advice: wrong ID -> find the session; still processing -> wait_for_session', async () => {
    const wrong = await call('get_running_summary', { session_id: 'doesNotExist0000' });
    expect(wrong.isError).toBe(true);
    expect(textOf(wrong)).toContain('find_sessions');

    sim.control.setDelays({ processingDelayMs: 60_000 });
    const up = await call('upload_video', { user_id: 'ana', video: sampleVideo() });
    const id = (up.structuredContent as { session_id: string }).session_id;
    const early = await call('get_gait_analysis_report', { session_id: id });
    expect(early.isError).toBe(true);
    expect(textOf(early)).toContain('wait_for_session');
    expect(textOf(early)).not.toMatch(/\n\s+at /);

    // Cancelling a wait stops the server's polling.
    const controller = new AbortController();
    const waiting = call('wait_for_session', { session_id: id }, { signal: controller.signal }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 500));
    controller.abort('user stopped');
    expect(await waiting).toBeInstanceOf(Error);
    // A check already on its way when the cancel arrived may still land; later ones must not.
    await new Promise((r) => setTimeout(r, 1000));
    const afterCancel = requestCount(sim);
    await new Promise((r) => setTimeout(r, 3000));
    expect(requestCount(sim)).toBe(afterCancel);
    sim.control.setDelays({ processingDelayMs: 300 });
  });

  it('never shows the API key, in results, errors or logs', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const o of [...outputs, mcp.stderr()]) expect(o).not.toContain(sim.apiKey);
  });
});

describe('plan errors', () => {
  it('tell the model to upgrade or use demo data', async () => {
    const sim = await startSim();
    const mcp = await connectStdio(serverEnv(sim, { AIKYNETIX_API_KEY: sim.keys.noPlan }));
    try {
      const r = (await mcp.client.callTool({ name: 'get_gait_analysis_report', arguments: { session_id: 'someSession01' } })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/upgrade/);
      expect(textOf(r)).toContain('demo: true');
      expect(textOf(r) + mcp.stderr()).not.toContain(sim.keys.noPlan);
      const demo = (await mcp.client.callTool({ name: 'get_gait_analysis_report', arguments: { session_id: 'someSession01', demo: true } })) as CallToolResult;
      expect(demo.isError).toBeFalsy();
    } finally {
      await mcp.close();
      await sim.close();
    }
  });
});
