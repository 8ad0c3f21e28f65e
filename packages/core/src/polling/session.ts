import { ValidationError } from '../errors/input';
import { NotFoundError } from '../errors/api';
import { SessionFailedError, WaitTimeoutError } from '../errors/session';
import { pollUntil } from './pollUntil';
import type { CallApi, PollOptions, PollProgress } from './types';

/** Default longest wait for processing (analysis of a long video can take a while). */
export const DEFAULT_SESSION_WAIT_MS = 30 * 60 * 1000;

export type SessionStatus = 'processing' | 'processed' | 'failed';

/** A session record as returned by `sessions.getByIds` (normalised by the registry). */
export interface WaitedSession {
  id: string;
  status: SessionStatus;
  [field: string]: unknown;
}

/** Progress of `waitForSession`. */
export interface SessionProgress extends PollProgress {
  sessionId: string;
  status: SessionStatus;
}

export interface WaitForSessionOptions extends Omit<PollOptions, 'onProgress'> {
  onProgress?: (progress: SessionProgress) => void;
}

/** Reads any casing of `status` / `video_status`; anything unknown still counts as processing. */
export function sessionStatus(session: Record<string, unknown>): SessionStatus {
  const raw = session.status ?? session.video_status;
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return s === 'processed' || s === 'failed' ? s : 'processing';
}

/** Finds one session in a by-ids answer, whether `sessions` is the normalised array or the raw dict. */
export function findSession(result: unknown, id: string): WaitedSession | undefined {
  const sessions = (result as { sessions?: unknown } | undefined)?.sessions;
  if (Array.isArray(sessions)) {
    const found = sessions.find((s) => s && (s.id === id || s.session_id === id));
    return found ? { ...found, id, status: sessionStatus(found) } : undefined;
  }
  if (sessions && typeof sessions === 'object' && id in sessions) {
    const raw = (sessions as Record<string, Record<string, unknown>>)[id];
    return { ...raw, id, status: sessionStatus(raw) };
  }
  return undefined;
}

/** Rejects an id that cannot be a session before any request is made. */
export function checkSessionId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ValidationError([{ field: 'session_id', rule: 'must be a non-empty session ID' }]);
  }
}

/**
 * Waits until a session is processed and resolves with it. Rejects with SessionFailedError when
 * processing fails, WaitTimeoutError at the deadline (default 30 min), NotFoundError when the
 * session does not exist (or was deleted while waiting), AbortError when `signal` aborts.
 */
export async function waitForSession(api: CallApi, sessionId: string, opts: WaitForSessionOptions = {}): Promise<WaitedSession> {
  checkSessionId(sessionId);
  const { onProgress, ...timing } = opts;
  return pollUntil(
    async ({ signal }) => {
      const result = await api.call('sessions.getByIds', { session_ids: [sessionId] }, { signal });
      const session = findSession(result, sessionId);
      if (!session) {
        throw new NotFoundError(`Session ${sessionId} was not found`, {
          operationId: 'sessions.getByIds',
          status: 404,
          hint: 'Check the session ID; the session may have been deleted.',
        });
      }
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
      onProgress: onProgress && ((p) => onProgress({ ...p, sessionId, status: p.status as SessionStatus })),
      onTimeout: (elapsed) => new WaitTimeoutError(sessionId, 'processing', elapsed, { operationId: 'sessions.getByIds' }),
    },
  );
}
