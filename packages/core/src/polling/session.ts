import { ValidationError } from '../errors/input';
import { NotFoundError } from '../errors/api';
import { SessionFailedError, WaitTimeoutError } from '../errors/session';
import { type Session, type SessionStatus, statusOf } from '../schemas/session';
import { pollUntil } from './pollUntil';
import { isTransient, notFoundTracker } from './transient';
import type { PollOptions, PollProgress, SessionsApi } from './types';

export type { SessionStatus } from '../schemas/session';

/** Default longest wait for processing (analysis of a long video can take a while). */
export const DEFAULT_SESSION_WAIT_MS = 30 * 60 * 1000;

/** A session as `waitForSession` resolves it: the one session model of the core. */
export type WaitedSession = Session;

/** Progress of `waitForSession`. */
export interface SessionProgress extends PollProgress {
  sessionId: string;
  status: SessionStatus | 'retrying' | 'not found';
}

export interface WaitForSessionOptions extends Omit<PollOptions, 'onProgress'> {
  onProgress?: (progress: SessionProgress) => void;
}

/** Finds one session in a by-ids answer, whether `sessions` is the normalised array or the raw dict. */
export function findSession(result: unknown, id: string): WaitedSession | undefined {
  const sessions = (result as { sessions?: unknown } | undefined)?.sessions;
  if (Array.isArray(sessions)) {
    const found = sessions.find((s) => s && (s.id === id || s.session_id === id));
    return found ? { ...found, id, status: found.status ?? statusOf(found.video_status) } : undefined;
  }
  if (sessions && typeof sessions === 'object' && id in sessions) {
    const raw = (sessions as Record<string, Record<string, unknown>>)[id];
    return { ...raw, id, created_at_iso: null, status: statusOf(raw.video_status ?? raw.status) } as WaitedSession;
  }
  return undefined;
}

/** Rejects an id that cannot be a session before any request is made. */
export function checkSessionId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ValidationError([{ field: 'session_id', rule: 'must be a non-empty session ID' }]);
  }
}

const notFound = (sessionId: string) =>
  new NotFoundError(`Session ${sessionId} was not found`, {
    operationId: 'sessions.getByIds',
    status: 404,
    hint: 'Check the session ID; the session may have been deleted.',
  });

/**
 * Waits until a session is processed and resolves with it. Transient failures (network, 5xx, 429,
 * unreadable answers) are ridden out until the deadline. Rejects with SessionFailedError when
 * processing fails, WaitTimeoutError at the deadline (default 30 min), NotFoundError when the
 * session is gone after having been seen (or never appears in a few checks), AbortError on abort,
 * and the API's error for definitive refusals (401/403).
 */
export async function waitForSession(api: SessionsApi, sessionId: string, opts: WaitForSessionOptions = {}): Promise<WaitedSession> {
  checkSessionId(sessionId);
  const { onProgress, ...timing } = opts;
  const tracker = notFoundTracker();
  return pollUntil<WaitedSession>(
    async ({ signal }) => {
      let session: WaitedSession | undefined;
      try {
        session = findSession(await api.sessions.getByIds({ session_ids: [sessionId] }, { signal }), sessionId);
      } catch (err) {
        if (isTransient(err)) return { status: 'retrying', done: false };
        if (!(err instanceof NotFoundError)) throw err;
      }
      if (!session) {
        const error = notFound(sessionId);
        return tracker.definitive(error) ? { status: 'not found', done: false, error } : { status: 'not found', done: false };
      }
      tracker.saw();
      if (session.status === 'processed') return { status: session.status, done: true, value: session };
      if (session.status === 'failed') {
        return { status: session.status, done: false, error: new SessionFailedError(sessionId, { operationId: 'sessions.getByIds' }) };
      }
      return { status: session.status, done: false };
    },
    {
      timeoutMs: DEFAULT_SESSION_WAIT_MS,
      ...timing,
      what: `session ${sessionId}`,
      onProgress: onProgress && ((p) => onProgress({ ...p, sessionId, status: p.status as SessionProgress['status'] })),
      onTimeout: (elapsed) => new WaitTimeoutError(sessionId, 'processing', elapsed, { operationId: 'sessions.getByIds' }),
    },
  );
}
