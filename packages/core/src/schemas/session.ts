/**
 * Session records as the session-management endpoints return them. The API sends sessions as a
 * dictionary keyed by id (`sessions: { <id>: {...} }`); we hand hosts an array in server order,
 * each item with its `id`, `created_at_iso` and a normalised `status`.
 */
import * as z from 'zod';
import { toIso } from './dates';
import { CreatedAt, Dict, Num } from './common';

/** Normalised processing state (from `video_status`, any case). */
export type SessionStatus = 'processing' | 'processed' | 'failed';

/** Maps the API's `video_status` (`Processed`, `failed`, `Processing`, absent...) to a SessionStatus. */
export function statusOf(videoStatus: unknown): SessionStatus {
  const s = typeof videoStatus === 'string' ? videoStatus.trim().toLowerCase() : '';
  return s === 'processed' || s === 'failed' ? s : 'processing';
}

/** One session record, as sent by the API (all fields optional, unknown fields kept). */
export const RawSession = z.looseObject({
  session_id: z.string().optional(),
  activity: z.string().nullable().optional(),
  created_at: CreatedAt.nullable().optional(),
  uploaded_date: CreatedAt.nullable().optional(),
  video_url: z.string().nullable().optional(),
  thumbnail_url: z.string().nullable().optional(),
  analyzed_video_url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  user_id: z.string().nullable().optional(),
  user_name: z.string().nullable().optional(),
  uploaded_name: z.string().nullable().optional(),
  uploaded_uid: z.string().nullable().optional(),
  user_status: z.string().nullable().optional(),
  video_status: z.string().nullable().optional(),
  exercise: z.string().nullable().optional(),
  segments: Num.optional(),
  report_comments: Dict.nullable().optional(),
  metrics: Dict.nullable().optional(),
});
export type RawSession = z.output<typeof RawSession>;

/** A session as the core hands it out. */
export type Session = RawSession & {
  /** The session id (the dictionary key, or `session_id`). */
  id: string;
  /** `created_at` as ISO 8601 (UTC assumed); null when absent or unreadable. */
  created_at_iso: string | null;
  /** `uploaded_date` as ISO 8601 (UTC assumed), when the API sends one. */
  uploaded_date_iso?: string | null;
  status: SessionStatus;
};

/** Adds `id`, `created_at_iso` (and `uploaded_date_iso`) and `status` to a raw session. */
export function normaliseSession(raw: RawSession, key?: string): Session {
  const id = key ?? raw.session_id ?? (typeof raw.id === 'string' ? raw.id : '');
  const session: Session = { ...raw, id, created_at_iso: toIso(raw.created_at), status: statusOf(raw.video_status) };
  if (raw.uploaded_date !== undefined) session.uploaded_date_iso = toIso(raw.uploaded_date);
  return session;
}

/** A single session (e.g. from a hand-built list); adds id, created_at_iso and status. */
export const Session = RawSession.transform((s) => normaliseSession(s));

/**
 * `sessions` of a listing response -> Session[] in server order. Accepts the documented
 * dictionary, an array (defensive) and absence (the 404 "nothing found" becomes `[]`).
 * Note: JSON.parse puts integer-like keys first; real ids (20-char Firestore ids) are never such.
 */
export const SessionList = z
  .union([z.record(z.string(), RawSession), z.array(RawSession), z.null()])
  .optional()
  .transform((v): Session[] => {
    if (!v) return [];
    if (Array.isArray(v)) return v.map((s) => normaliseSession(s));
    return Object.entries(v).map(([id, s]) => normaliseSession(s, id));
  });

/** `GET /session-management/sessions/` and `POST .../by-ids/`. */
export const SessionsResponse = z.looseObject({ sessions: SessionList });
export type SessionsResponse = z.output<typeof SessionsResponse>;

/** `GET /session-management/sessions/filter/`: a page of sessions plus cursors. */
export const FilteredSessionsResponse = z.looseObject({
  sessions: SessionList,
  query_count: Num.optional(),
  first_doc_id: z.string().nullable().optional(),
  last_doc_id: z.string().nullable().optional(),
});
export type FilteredSessionsResponse = z.output<typeof FilteredSessionsResponse>;
