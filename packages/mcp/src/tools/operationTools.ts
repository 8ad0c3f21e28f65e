import { type AnyOperation, operations } from '@aikynetix/core';
import { condense } from './condense';
import { annotationsOf, describeOperation } from './describe';
import { GUIDANCE } from './guidance';
import { inputSchemaOf } from './inputSchema';
import { toolNameOf } from './names';
import { outputSchemaOf } from './outputSchema';
import { describeResult } from './summary';
import type { ToolContext, ToolDef, ToolOutcome, TransportKind } from './types';
import { checkVideoArg } from './video';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs one registry operation through the core: validation, retries, streaming upload, parsing. */
async function runOperation(op: AnyOperation, args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutcome> {
  const isUpload = Object.values(op.in as Record<string, string>).includes('file');
  if (isUpload) checkVideoArg(args.video, ctx.transport);
  const result = await ctx.client.call(op.id, args, {
    signal: ctx.signal,
    onUploadProgress: isUpload
      ? (sent, total) => ctx.progress({ progress: sent, total, message: `uploaded ${(sent / 1048576).toFixed(1)} MiB` })
      : undefined,
  });
  const stats = { condensed: 0 };
  const condensed = condense(result, stats);
  const structured = isObj(condensed) ? condensed : { result: condensed };
  const next = GUIDANCE[op.id]?.next;
  const created = isUpload && isObj(result) && typeof result.session_id === 'string' ? ` Session ${result.session_id} created; it is processing now.` : '';
  const summary = `${op.title}:${created} ${describeResult(structured, stats.condensed)}${next ? ` Next: ${next}` : ''}`;
  return { structured, summary };
}

/** The MCP tool of one registry operation. */
export function operationTool(op: AnyOperation, transport: TransportKind): ToolDef {
  return {
    name: toolNameOf(op),
    title: op.title,
    description: describeOperation(op),
    inputSchema: inputSchemaOf(op, transport),
    outputSchema: outputSchemaOf(op.output),
    annotations: annotationsOf(op),
    operationId: op.id,
    run: (args, ctx) => runOperation(op, args, ctx),
  };
}

/** One tool per registry operation, in registry order. */
export function operationTools(transport: TransportKind): ToolDef[] {
  return operations.map((op) => operationTool(op, transport));
}
