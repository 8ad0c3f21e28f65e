import type { Aikynetix } from '@aikynetix/core';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** How the agent reaches this server: the upload tool accepts local paths only over stdio. */
export type TransportKind = 'stdio' | 'http';

/** A JSON Schema object as MCP carries it (root `type: 'object'`). */
export type ObjectSchema = { type: 'object'; properties?: Record<string, object>; required?: string[]; [key: string]: unknown };

/** MCP progress of a long call; sent only when the client asked for progress. */
export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

/** What a tool call gets besides its arguments. */
export interface ToolContext {
  client: Aikynetix;
  transport: TransportKind;
  /** Aborted when the client cancels the request (or the connection closes). */
  signal: AbortSignal;
  progress(update: ProgressUpdate): void;
}

/** A tool's answer: structured data (matching its output schema) and a one-paragraph summary. */
export interface ToolOutcome {
  structured: Record<string, unknown>;
  summary: string;
}

/** One MCP tool, described once and served over any transport. */
export interface ToolDef {
  name: string;
  title: string;
  description: string;
  inputSchema: ObjectSchema;
  outputSchema: ObjectSchema;
  annotations: ToolAnnotations;
  /** The registry operation the tool calls (absent for the wait workflows). */
  operationId?: string;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutcome>;
}
