import { AikynetixError, NotAppliedError, OutcomeUnknownError } from '../../errors';
import type { Session } from '../../schemas/session';
import type { CallOptions } from '../context';
import { beforeLook, describeLoss, type Reader, type Recovery, type RecoveryContext } from './index';

/** Pauses before each look for the new session: a gateway's 504 can precede the server finishing. */
const LOOK_PAUSES_MS = [0, 1000, 2000, 4000];
/** Sessions noted before sending: enough to find the boundary even if the newest one is deleted meanwhile. */
const SNAPSHOT_SIZE = 10;
/** Sessions read per look. */
const LOOK_SIZE = 25;

interface Snapshot {
  ids: Set<string>;
}

const listOf = async (read: Reader, userId: string, limit: number, options?: CallOptions): Promise<Session[]> =>
  ((await read('sessions.filter', { user_id: userId, limit }, options)) as { sessions: Session[] }).sessions;

const sameName = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Sessions above the snapshot's boundary (newest first), whose name matches the upload's. */
function newSessions(list: Session[], snapshot: Snapshot, name: unknown): Session[] {
  const fresh: Session[] = [];
  for (const s of list) {
    if (snapshot.ids.has(s.id)) break; // older than the upload: the listing is newest first
    if (name === undefined || sameName(s.title, name)) fresh.push(s);
  }
  return fresh;
}

/**
 * Upload: before sending, note the athlete's newest sessions; after a lost answer, look (a few
 * times, briefly) for a session of that athlete, with that name, newer than the note.
 */
export const uploadRecovery: Recovery = {
  async before(read, wire): Promise<Snapshot> {
    const list = await listOf(read, String(wire.user_id), SNAPSHOT_SIZE);
    return { ids: new Set(list.map((s) => s.id)) };
  },

  async after(ctx: RecoveryContext): Promise<unknown> {
    const { read, op, wire, error } = ctx;
    const snapshot = ctx.before as Snapshot | undefined;
    const userId = String(wire.user_id);
    const name = wire.session_name;
    const lost = describeLoss(error);
    const base = { operationId: op.id, status: error.status, cause: error };
    const check = `check the newest sessions of athlete ${userId} (Find Sessions with User ID ${userId}) and upload again only if this video is not among them`;
    let looked = false;
    let found: Session[] = [];
    for (const pause of LOOK_PAUSES_MS) {
      const options = await beforeLook(ctx, pause);
      if (!options) break;
      try {
        const list = await listOf(read, userId, LOOK_SIZE, options);
        looked = true;
        // Without a note of the sessions before, a same-named session is only a candidate, never proof.
        found = snapshot ? newSessions(list, snapshot, name) : list.filter((s) => name !== undefined && sameName(s.title, name)).slice(0, 3);
      } catch (err) {
        if (!(err instanceof AikynetixError) || !err.retryable) break;
        continue;
      }
      if (snapshot && found.length === 1) {
        const s = found[0];
        return { session_id: s.id, title: s.title ?? null, recovered: true };
      }
      if (snapshot && found.length > 1) break;
    }
    const candidates = found.map((s) => s.id);
    if (snapshot && looked && candidates.length === 0) {
      throw new NotAppliedError(
        `${op.title} failed: ${lost}, and AIKYNETIX shows no new session for athlete ${userId}: nothing was created, so uploading again is safe`,
        { ...base, hint: 'Run the step again; the video was not stored.' },
      );
    }
    const why = !looked
      ? 'AIKYNETIX could not be asked afterwards whether the session was created'
      : candidates.length > 0
        ? `it may be session ${candidates.join(' or ')}`
        : 'the athlete\'s sessions could not be compared with those before the upload';
    throw new OutcomeUnknownError(
      `${op.title}: ${lost}, so it is not known whether the session was created (${why}). Do not upload again yet: ${check}`,
      { ...base, candidates, hint: `Uploading again could create a duplicate session: ${check}.` },
    );
  },
};
