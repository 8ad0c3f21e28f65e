import type { AnyOperation } from '@aikynetix/core';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { GUIDANCE } from './guidance';

/** True when the operation takes the vendor's documented `demo` switch. */
export function hasDemo(op: AnyOperation): boolean {
  return 'demo' in op.input.shape;
}

/** The tool description a model reads: what it returns, when to use it, limits, what next. */
export function describeOperation(op: AnyOperation): string {
  const g = GUIDANCE[op.id] ?? {};
  const parts = [op.description];
  if (g.when) parts.push(g.when);
  if (op.requires?.plan) {
    parts.push(hasDemo(op) ? 'Needs a paid AIKYNETIX plan; demo: true returns demo data without one.' : 'Needs a paid AIKYNETIX plan.');
  } else if (op.requires?.admin) {
    parts.push('Needs an admin API key.');
  }
  if (!op.idempotent) {
    parts.push(`Not safe to repeat: each call ${op.sideEffect === 'creates' ? 'creates a new session' : 'starts new work'}; if a call's outcome is unknown, check before calling again.`);
  }
  if (g.next) parts.push(`Next: ${g.next}`);
  return parts.join(' ');
}

/** MCP annotations from the operation's metadata (hints for the client's confirmation UI). */
export function annotationsOf(op: AnyOperation): ToolAnnotations {
  const locations = Object.values(op.in as Record<string, string>);
  return {
    title: op.title,
    readOnlyHint: op.sideEffect === 'none',
    destructiveHint: op.sideEffect === 'deletes',
    idempotentHint: op.idempotent,
    // Only the upload reaches beyond AIKYNETIX (it may download the video from a URL).
    openWorldHint: locations.includes('file'),
  };
}
