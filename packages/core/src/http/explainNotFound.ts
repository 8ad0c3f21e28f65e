import { NotFoundError, type UnprocessedStatus } from '../errors/api';
import { AREA_ACTIVITY, areaOfActivity, needsProcessedSession } from '../registry';
import type { AnyOperation } from '../registry/types';
import type { Session } from '../schemas/session';
import type { Reader } from './recover';

const HINTS: Record<UnprocessedStatus, string> = {
  processing:
    'The session is still being analysed, so this is not there yet: wait until it is processed (continue from the "Session Processed" trigger, or wait for processing after the upload), then try again.',
  failed: "AIKYNETIX could not analyse this session's video, so this will never be there: upload the video again (it becomes a new session).",
};

/** Whether a 404 of this operation may have a cause worth one lookup (an operation on one session). */
export function mayExplain(op: AnyOperation, wire: Record<string, unknown>): boolean {
  return typeof wire.session_id === 'string' && (needsProcessedSession(op) || op.area in AREA_ACTIVITY);
}

/**
 * The API answers 404 alike for an unknown session, a session of another activity (a jumping
 * session at a running endpoint) and a report of a session still processing or failed. One by-ids
 * lookup tells which; the returned error then says so (`sessionActivity` or `sessionStatus`, the
 * message and the hint). The original error is returned when the session is unknown, or the lookup fails.
 */
export async function explainNotFound(read: Reader, op: AnyOperation, error: NotFoundError, sessionId: string, signal?: AbortSignal): Promise<NotFoundError> {
  let session: Session | undefined;
  try {
    const found = (await read('sessions.getByIds', { session_ids: [sessionId] }, { signal, maxRetries: 1 })) as { sessions: Session[] };
    session = found.sessions.find((s) => s.id === sessionId);
  } catch {
    // The lookup only sharpens the message: on any failure the API's own answer stands.
    return error;
  }
  if (!session) return error;
  const base = { operationId: error.operationId, status: error.status, apiMessage: error.apiMessage, requestId: error.requestId, sessionId, cause: error };
  // The vendor's 404 text does not always say why; when it does, the message needs nothing more.
  const withReason = (reason: string, words: RegExp) => (words.test(error.apiMessage ?? '') ? error.message : `${error.message} (session ${sessionId} ${reason})`);

  const wanted = AREA_ACTIVITY[op.area];
  const activity = typeof session.activity === 'string' ? session.activity : undefined;
  if (wanted && activity && areaOfActivity(activity) !== op.area) {
    return new NotFoundError(withReason(`is a ${activity} session, not ${wanted}`, /\bsession, not\b/i), {
      ...base,
      hint: `This is a ${activity} session: use the ${activity} operation for it (the ${wanted} ones serve ${wanted} sessions only).`,
      sessionActivity: activity,
    });
  }
  const status = session.status;
  if (!needsProcessedSession(op) || (status !== 'processing' && status !== 'failed')) return error;
  return new NotFoundError(withReason(status === 'processing' ? 'is still processing' : 'failed to process', /process/i), {
    ...base,
    hint: HINTS[status],
    sessionStatus: status,
  });
}
