import { type Aikynetix, scrub } from '@aikynetix/core';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { errorText } from './tools/errors';
import { allTools } from './tools';
import type { ProgressUpdate, TransportKind } from './tools/types';
import { VERSION } from './version';

/** What one MCP server instance serves. */
export interface McpServerOptions {
  client: Aikynetix;
  transport: TransportKind;
  /** Values never to appear in any output (the API key, the HTTP token). */
  secrets: string[];
}

/** Guidance every client shows the model once, for the whole server. */
const INSTRUCTIONS = `AIKYNETIX analyses sports videos (running, jumping, weightlifting).
Typical flow: upload_video -> wait_for_session -> get_gait_analysis_report / get_running_summary -> generate_summary -> wait_for_summary_text -> get_analyzed_video.
To find an existing session, use find_sessions. Tools that need a paid plan accept demo: true for demo data.
Never repeat upload_video or generate_* after an unclear failure: check first, as the error text says.`;

/** An MCP server (low-level SDK `Server`) whose tools are derived from the core registry. */
export function createMcpServer(options: McpServerOptions): Server {
  const tools = allTools(options.transport);
  const byName = new Map(tools.map((t) => [t.name, t]));
  const server = new Server(
    { name: 'aikynetix', title: 'AIKYNETIX', version: VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      outputSchema: t.outputSchema,
      annotations: t.annotations,
      ...(t.operationId ? { _meta: { 'aikynetix/operationId': t.operationId } } : {}),
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool ${request.params.name}; list the tools to see what exists`);
    const args = request.params.arguments ?? {};
    const token = request.params._meta?.progressToken;
    let last = -Infinity;
    // Notifications are chained and awaited before the result, so none is sent after it.
    let sent: Promise<void> = Promise.resolve();
    const progress = (u: ProgressUpdate) => {
      // Progress must increase; the client asked for it only when it sent a token.
      if (token === undefined || u.progress <= last) return;
      last = u.progress;
      const note = { method: 'notifications/progress' as const, params: { progressToken: token, ...u } };
      sent = sent.then(() => extra.sendNotification(note)).catch(() => undefined);
    };
    try {
      const outcome = await tool.run(args, { client: options.client, transport: options.transport, signal: extra.signal, progress });
      await sent;
      // An API that echoed a secret back must not pass it on.
      const json = scrub(JSON.stringify(outcome.structured), options.secrets);
      return {
        structuredContent: JSON.parse(json) as Record<string, unknown>,
        // The JSON too, as the spec asks, for clients that pass only text to the model.
        content: [
          { type: 'text', text: scrub(outcome.summary, options.secrets) },
          { type: 'text', text: json },
        ],
      };
    } catch (err) {
      await sent;
      const sessionId = typeof args.session_id === 'string' ? args.session_id : undefined;
      return {
        isError: true,
        content: [{ type: 'text', text: errorText(err, { tool: tool.name, operationId: tool.operationId, sessionId }, options.secrets) }],
      };
    }
  });
  return server;
}
