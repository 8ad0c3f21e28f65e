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
