import { NotFoundError } from '../errors/api';
import { WaitTimeoutError } from '../errors/session';
import { pollUntil } from './pollUntil';
import { checkSessionId } from './session';
import { hasText } from './text';
import { isTransient, notFoundTracker } from './transient';
import type { ReportsApi, WaitOptions, WaitProgress } from './types';

export { hasText } from './text';

/** Default longest wait for GenAI text after asking for it. */
export const DEFAULT_TEXT_WAIT_MS = 5 * 60 * 1000;

/** Progress of a GenAI text wait; status is `waiting` until the text is there, then `ready`. */
export type TextProgress = WaitProgress;
export type WaitForTextOptions = WaitOptions;

/** The report reads that carry GenAI text. */
type TextRead = 'getSummary' | 'getFormAnalysis' | 'getGaitAnalysis';

async function waitForText(
  api: ReportsApi,
  sessionId: string,
  read: TextRead,
  field: string,
  what: string,
  opts: WaitForTextOptions,
): Promise<any> {
  checkSessionId(sessionId);
  const { onProgress, ...timing } = opts;
  const operationId = `running.${read}`;
  const tracker = notFoundTracker();
  return pollUntil(
    async ({ signal }) => {
      let result: Record<string, unknown>;
      try {
        result = (await api.running[read]({ session_id: sessionId }, { signal })) as Record<string, unknown>;
      } catch (err) {
        if (isTransient(err)) return { status: 'retrying', done: false };
        if (tracker.definitive(err)) return { status: 'not found', done: false, error: err as NotFoundError };
        if (err instanceof NotFoundError) return { status: 'not found', done: false };
        throw err;
      }
      tracker.saw();
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
export function waitForSummaryText(api: ReportsApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'getSummary', 'summary_text', 'the GenAI summary', opts);
}

/** Polls `running.getFormAnalysis` until `form_comments` has content; resolves with the report. */
export function waitForFormRecommendations(api: ReportsApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'getFormAnalysis', 'form_comments', 'the form recommendations', opts);
}

/** Polls `running.getGaitAnalysis` until `report_comments` has content; resolves with the report. */
export function waitForGaitRecommendations(api: ReportsApi, sessionId: string, opts: WaitForTextOptions = {}): Promise<any> {
  return waitForText(api, sessionId, 'getGaitAnalysis', 'report_comments', 'the gait recommendations', opts);
}
