/**
 * Feed state: what a host stores between polls (n8n static data). Plain JSON, versioned (`v`),
 * and bounded: about 6 to 16 kB plus ~35 characters per session still processing, never above
 * `maxStateChars` (default 200 000, reached only with 5 000 sessions processing at once).
 *
 * - `wm`      newest created_at minute seen. A scan stops at the first session older than it.
 * - `known`   ids seen recently, as 8-char base64url SHA-256 prefixes (48 bits: a false match
 *             among 600 ids has odds ~1e-12), so ties inside the newest minute are recognised.
 * - `pending` sessions seen while processing, awaiting processed/failed.
 * - `burst`   cursor for a burst bigger than one poll's page budget.
 * - `n`, `fp`, `swept`  the account's count and an invertible fingerprint of its ids (see
 *             fingerprint.ts): how sessions the scans cannot see are found.
 */
import { createHash } from 'node:crypto';
import type { FeedLimits, FeedState } from './types';

export const HASH_CHARS = 8;

export const DEFAULT_LIMITS: FeedLimits = {
  firstPageSize: 4,
  maxPageSize: 100,
  maxPages: 30,
  seedSessions: 100,
  byIdsChunk: 100,
  maxPending: 5000,
  pendingMaxAgeMs: 3 * 24 * 60 * 60 * 1000,
  maxKnown: 600,
  sweepMaxPages: 200,
  sweepEveryMs: 6 * 60 * 60 * 1000,
  fingerprintCells: 320,
  maxStateChars: 200_000,
};

/** Short stable fingerprint of a session id. */
export function idHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, HASH_CHARS);
}

/** A `known` string as a set of hashes. */
export function hashSet(known: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + HASH_CHARS <= known.length; i += HASH_CHARS) out.add(known.slice(i, i + HASH_CHARS));
  return out;
}

/** Prepends new hashes (newest first), drops repeats, keeps at most `max`. */
export function mergeKnown(newestFirst: string[], known: string, max: number): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (h: string) => {
    if (out.length < max && !seen.has(h)) {
      seen.add(h);
      out.push(h);
    }
  };
  newestFirst.forEach(add);
  for (let i = 0; i + HASH_CHARS <= known.length && out.length < max; i += HASH_CHARS) add(known.slice(i, i + HASH_CHARS));
  return out.join('');
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isHashes = (v: unknown): v is string =>
  typeof v === 'string' && v.length % HASH_CHARS === 0 && /^[A-Za-z0-9_-]*$/.test(v);

/** The state if it is a well-formed v1 state, else undefined (the caller then seeds afresh). */
export function readState(raw: unknown): FeedState | undefined {
  const s = raw as FeedState | null | undefined;
  if (!s || typeof s !== 'object' || s.v !== 1) return undefined;
  if (s.wm !== null && !isInt(s.wm)) return undefined;
  if (!isHashes(s.known)) return undefined;
  if (s.wmFull !== undefined && typeof s.wmFull !== 'boolean') return undefined;
  if (!Array.isArray(s.pending) || !s.pending.every((p) => Array.isArray(p) && typeof p[0] === 'string' && isInt(p[1]))) {
    return undefined;
  }
  if (s.n !== undefined && !isInt(s.n)) return undefined;
  if (s.swept !== undefined && !isInt(s.swept)) return undefined;
  if (s.fp !== undefined && typeof s.fp !== 'string') return undefined;
  if (s.burst !== undefined) {
    const b = s.burst;
    if (!b || !Array.isArray(b.after) || !b.after.every((a) => typeof a === 'string')) return undefined;
    if (b.wm !== null && !isInt(b.wm)) return undefined;
    if (!isHashes(b.known)) return undefined;
  }
  return s;
}

const size = (s: FeedState) => JSON.stringify(s).length;

/**
 * Shrinks a state until it fits `maxChars`. Order of sacrifice (least harmful first): older
 * known hashes (only the newest minute's matter for correctness), the burst's known set, then the
 * oldest pending sessions (returned, so the caller reports them as given up).
 */
export function fitState(state: FeedState, maxChars: number, keepKnown = 0): { state: FeedState; dropped: string[] } {
  const dropped: string[] = [];
  const s: FeedState = { ...state, pending: [...state.pending], burst: state.burst && { ...state.burst } };
  // The newest `keepKnown` hashes are the watermark minute's sessions: forgetting them would
  // report them again, so pending sessions are given up before they are.
  const floor = Math.max(100, keepKnown) * HASH_CHARS;
  while (size(s) > maxChars && s.known.length > floor) s.known = s.known.slice(0, Math.max(floor, s.known.length - 50 * HASH_CHARS));
  while (s.burst && size(s) > maxChars && s.burst.known.length > floor) {
    s.burst.known = s.burst.known.slice(0, Math.max(floor, s.burst.known.length - 50 * HASH_CHARS));
  }
  while (size(s) > maxChars && s.pending.length > 0) dropped.push(s.pending.shift()![0]);
  if (size(s) > maxChars && s.known.length > 100 * HASH_CHARS) {
    // Still too big (extremely long ids): close the watermark minute rather than misreport it.
    s.wmFull = true;
  }
  while (size(s) > maxChars && s.known.length > 0) s.known = s.known.slice(0, Math.max(0, s.known.length - 10 * HASH_CHARS));
  if (size(s) > maxChars && s.burst) delete s.burst;
  if (!s.burst) delete s.burst;
  return { state: s, dropped };
}
