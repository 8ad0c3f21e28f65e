import type { AnyOperation } from '@aikynetix/core';

/** `Get Gait Analysis Report` -> `get_gait_analysis_report`: the title a person reads, as a tool name. */
export function snakeCase(title: string): string {
  return title
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

/** The MCP tool name of an operation, derived from its registry title. */
export function toolNameOf(op: AnyOperation): string {
  return snakeCase(op.title);
}

/** The workflow tools (waitTools.ts): agent steps that are not single registry operations. */
export const WAIT_TOOL_NAMES = [
  'wait_for_session',
  'wait_for_summary_text',
  'wait_for_gait_recommendations',
  'wait_for_form_recommendations',
] as const;
