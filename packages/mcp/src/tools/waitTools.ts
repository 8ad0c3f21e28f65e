import type { WAIT_TOOL_NAMES } from './names';
import { type Aikynetix, type AnyOperation, getOperation, toFieldIssues } from '@aikynetix/core';
import { z } from 'zod';
import { condense } from './condense';
import { ToolInputError } from './errors';
import { inputSchemaOf } from './inputSchema';
import { outputSchemaOf } from './outputSchema';
import { describeResult } from './summary';
import type { ObjectSchema, ToolContext, ToolDef } from './types';

/** A session record as waitForSession returns it (the API's fields are kept). */
const WAITED_SESSION: ObjectSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'The session ID.' },
    status: { type: 'string', enum: ['processing', 'processed', 'failed'] },
    title: { type: ['string', 'null'] },
    user_id: { type: ['string', 'null'] },
    created_at_iso: { type: ['string', 'null'], description: 'When the session was recorded (ISO 8601, UTC).' },
  },
  required: ['id', 'status'],
};

/** Longest single wait a model may ask for; it can always call again. */
export const MAX_WAIT_SECONDS = 1800;
/** Default wait: under the 60 s tool-call timeout common MCP clients use; the model calls again to wait longer. */
export const DEFAULT_WAIT_SECONDS = 50;

/** What every core wait accepts that the tools use. */
interface WaitOpts {
  signal: AbortSignal;
  timeoutMs: number;
  onProgress: (p: { attempt: number; elapsedMs: number; status: string }) => void;
}
type WaitFn = (client: Aikynetix, sessionId: string, opts: WaitOpts) => Promise<unknown>;

interface WaitSpec {
  name: (typeof WAIT_TOOL_NAMES)[number];
  title: string;
  what: string;
  /** The operation it polls: its session_id field and response schema describe the tool. */
  polls: AnyOperation;
  description: string;
  wait: WaitFn;
  next: string;
  /** When the wait returns something other than the polled operation's response. */
  output?: ObjectSchema;
}

/** Every wait takes the registry's session ID field (as declared on `running.get`). */
const SESSION_OP = () => getOperation('running.get');

function waitInput() {
  return z.strictObject({
    session_id: (SESSION_OP().input.shape as Record<string, z.ZodType>).session_id,
    max_wait_seconds: z
      .number()
      .int()
      .min(1)
      .max(MAX_WAIT_SECONDS)
      .optional()
      .meta({ description: `Give up after this many seconds (default ${DEFAULT_WAIT_SECONDS}, at most ${MAX_WAIT_SECONDS}); nothing fails when the wait ends early, just call again.` }),
  });
}

function waitTool(spec: WaitSpec): ToolDef {
  const input = waitInput();
  const generated = inputSchemaOf(SESSION_OP(), 'stdio');
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    inputSchema: {
      type: 'object',
      properties: {
        session_id: generated.properties!.session_id,
        max_wait_seconds: { type: 'integer', minimum: 1, maximum: MAX_WAIT_SECONDS, description: input.shape.max_wait_seconds.description },
      },
      required: ['session_id'],
      additionalProperties: false,
    },
    outputSchema: spec.output ?? outputSchemaOf(spec.polls.output),
    annotations: { title: spec.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    async run(args: Record<string, unknown>, ctx: ToolContext) {
      const parsed = input.safeParse(args);
      if (!parsed.success) throw new ToolInputError(toFieldIssues(parsed.error.issues, Object.keys(input.shape)), spec.polls.id);
      const { session_id: sessionId, max_wait_seconds: seconds = DEFAULT_WAIT_SECONDS } = parsed.data as { session_id: string; max_wait_seconds?: number };
      const value = await spec.wait(ctx.client, sessionId, {
        signal: ctx.signal,
        timeoutMs: seconds * 1000,
        onProgress: (p) =>
          ctx.progress({ progress: p.attempt, message: `${spec.what}: ${p.status} after ${Math.round(p.elapsedMs / 1000)} s` }),
      });
      const stats = { condensed: 0 };
      const condensed = condense(value, stats) as Record<string, unknown>;
      return { structured: condensed, summary: `${spec.title}: ready. ${describeResult(condensed, stats.condensed)} Next: ${spec.next}` };
    },
  };
}

/** The agent workflows that wait: processing, and each kind of AI-written text. */
export function waitTools(): ToolDef[] {
  return [
    waitTool({
      name: 'wait_for_session',
      title: 'Wait for Session Processing',
      what: 'processing',
      polls: getOperation('sessions.getByIds'),
      description:
        'Waits until an uploaded video has been analysed and returns the session record (status processed). Use right after upload_video, or when a report tool says the session is still processing. Reports progress while waiting and stops when cancelled; fails with advice if processing failed.',
      wait: (c, id, o) => c.waitForSession(id, o),
      output: WAITED_SESSION,
      next: 'get_gait_analysis_report, get_running_summary or get_analyzed_video with this session_id.',
    }),
    waitTool({
      name: 'wait_for_summary_text',
      title: 'Wait for Summary Text',
      what: 'AI summary',
      polls: getOperation('running.getSummary'),
      description:
        "Waits until the AI-written summary requested with generate_summary is written, and returns the running summary with its summary_text. Use right after generate_summary. Reports progress while waiting and stops when cancelled.",
      wait: (c, id, o) => c.waitForSummaryText(id, o),
      next: 'share summary_text with the user; get_analyzed_video gives a video link.',
    }),
    waitTool({
      name: 'wait_for_gait_recommendations',
      title: 'Wait for Gait Recommendations',
      what: 'AI gait recommendations',
      polls: getOperation('running.getGaitAnalysis'),
      description:
        'Waits until the AI recommendations requested with generate_gait_recommendations are written, and returns the gait report with its report_comments. Reports progress while waiting and stops when cancelled.',
      wait: (c, id, o) => c.waitForGaitRecommendations(id, o),
      next: 'share report_comments with the user.',
    }),
    waitTool({
      name: 'wait_for_form_recommendations',
      title: 'Wait for Form Recommendations',
      what: 'AI form recommendations',
      polls: getOperation('running.getFormAnalysis'),
      description:
        'Waits until the AI recommendations requested with generate_form_recommendations are written, and returns the running-form report with its form_comments. Reports progress while waiting and stops when cancelled.',
      wait: (c, id, o) => c.waitForFormRecommendations(id, o),
      next: 'share form_comments with the user.',
    }),
  ];
}
