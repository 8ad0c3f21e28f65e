/** The tool list is derived from the registry: one tool per operation, described and annotated from its metadata. */
import { fieldsOf, operations } from '@aikynetix/core';
import { allTools, operationTools, waitTools } from '../src';
import { GUIDANCE } from '../src/tools/guidance';

describe('tools derived from the registry', () => {
  const tools = allTools('stdio');
  const byOp = new Map(tools.filter((t) => t.operationId).map((t) => [t.operationId!, t]));

  it('offers exactly one tool per registry operation, plus the wait workflows', () => {
    expect([...byOp.keys()].sort()).toEqual(operations.map((op) => op.id).sort());
    expect(tools.length).toBe(operations.length + waitTools().length);
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
  });

  it('names tools in snake_case after the operation title (upload_video, get_gait_analysis_report)', () => {
    for (const t of tools) expect(t.name).toMatch(/^[a-z][a-z0-9_]{2,63}$/);
    expect(byOp.get('running.createSession')!.name).toBe('upload_video');
    expect(byOp.get('running.getGaitAnalysis')!.name).toBe('get_gait_analysis_report');
    expect(byOp.get('sessions.filter')!.name).toBe('find_sessions');
  });

  it('gives every operation guidance, and every tool named in a description exists', () => {
    for (const op of operations) expect(GUIDANCE[op.id]?.when).toBeTruthy();
    const names = new Set(tools.map((t) => t.name));
    for (const t of tools) {
      const mentioned = t.description.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [];
      // snake_case words that are tool names by shape (verb_...) must be real tools
      for (const m of mentioned.filter((w) => /^(get|list|find|wait|generate|upload|export|update|delete)_/.test(w))) {
        expect({ tool: t.name, mentions: m, exists: names.has(m) }).toEqual({ tool: t.name, mentions: m, exists: true });
      }
    }
  });

  it('annotates from sideEffect and idempotent: read-only, destructive only for delete, idempotent', () => {
    for (const op of operations) {
      const a = byOp.get(op.id)!.annotations;
      expect(a.readOnlyHint).toBe(op.sideEffect === 'none');
      expect(a.destructiveHint).toBe(op.sideEffect === 'deletes');
      expect(a.idempotentHint).toBe(op.idempotent);
    }
    expect(byOp.get('sessions.delete')!.annotations.destructiveHint).toBe(true);
    for (const t of waitTools()) expect(t.annotations.readOnlyHint).toBe(true);
  });

  it("builds input schemas from the registry's fields: same keys, same required, no unknown keys", () => {
    for (const op of operations) {
      const schema = byOp.get(op.id)!.inputSchema;
      const fields = fieldsOf(op);
      expect(Object.keys(schema.properties ?? {})).toEqual(fields.map((f) => f.key));
      expect(schema.required ?? []).toEqual(fields.filter((f) => f.required).map((f) => f.key));
      expect(schema.additionalProperties).toBe(false);
      const text = JSON.stringify(schema);
      expect(text).not.toContain('fieldType');
    }
  });

  it('says when a tool needs a plan, offers demo data where the operation has it, warns about repeating writes', () => {
    for (const op of operations) {
      const d = byOp.get(op.id)!.description;
      expect(d.startsWith(op.description)).toBe(true);
      if (op.requires?.plan) expect(d).toContain('paid AIKYNETIX plan');
      if (op.requires?.plan && 'demo' in op.input.shape) expect(d).toContain('demo: true');
      if (!op.idempotent) expect(d).toContain('Not safe to repeat');
    }
  });

  it('describes the video by transport: a local path only over stdio', () => {
    const video = (t: 'stdio' | 'http') =>
      JSON.stringify(operationTools(t).find((x) => x.operationId === 'running.createSession')!.inputSchema.properties!.video);
    expect(video('stdio')).toContain('path');
    expect(video('http')).toContain('cannot read files');
  });

  it('declares object output schemas everywhere (MCP requires an object root)', () => {
    for (const t of tools) expect(t.outputSchema.type).toBe('object');
  });
});
