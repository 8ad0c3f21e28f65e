import { WaitTimeoutError } from '../errors/session';
import { pollUntil } from './pollUntil';
import { checkSessionId } from './session';
import type { CallApi, WaitOptions, WaitProgress } from './types';

/** Default longest wait for GenAI text after asking for it. */
export const DEFAULT_TEXT_WAIT_MS = 5 * 60 * 1000;

/** Progress of a GenAI text wait; status is `waiting` until the text is there, then `ready`. */
export type TextProgress = WaitProgress;
export type WaitForTextOptions = WaitOptions;

/** True when a value holds some text: a non-blank string, or an object/array containing one. */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasText);
  if (value && typeof value === 'object') return Object.values(value).some(hasText);
  return false;
}

async function waitForText(
  api: CallApi,
  sessionId: string,
  operationId: string,
  field: string,
  what: string,
  opts: WaitForTextOptions,
): Promise<any> {
  checkSessionId(sessionId);
  const { onProgress, ...timing } = opts;
  return pollUntil(
    async ({ signal }) => {
      const result = await api.call(operationId, { session_id: sessionId }, { signal });
      return hasText(result?.[field]) ? { status: 'ready', done: true, value: result } : { status: 'waiting', done: false };
    },
    {
      timeoutMs: DEFAULT_TEXT_WAIT_MS,
      ...timing,
      what: `${what} of session ${sessionId}`,
      onProgress: onProgress && ((p) => onProgress({ ...p, sessionId })),
      onTimeout: (elapsed) => new WaitTimeoutError(sessionId, what, elapsed, { operationId }),
    },
  );
}

/** Polls `running.getSummary` until `summary_text` has content; resolves with the summary. */
export function waitForSummaryText(api: CallApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'running.getSummary', 'summary_text', 'the GenAI summary', opts);
}

/** Polls `running.getFormAnalysis` until `form_comments` has content; resolves with the report. */
export function waitForFormRecommendations(api: CallApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'running.getFormAnalysis', 'form_comments', 'the form recommendations', opts);
}

/** Polls `running.getGaitAnalysis` until `report_comments` has content; resolves with the report. */
export function waitForGaitRecommendations(api: CallApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'running.getGaitAnalysis', 'report_comments', 'the gait recommendations', opts);
}
