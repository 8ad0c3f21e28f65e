import type { FeedSession } from './types';

/** created_at of a session in whole minutes since the epoch, or null when unknown. */
export function minuteOf(session: FeedSession): number | null {
  const iso = session.created_at_iso ?? (typeof session.created_at === 'string' ? session.created_at : null);
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 60000) : null;
}

/**
 * Created_at values further ahead of our clock than any time-zone misreading explains (the API
 * sends no zone) must come from a user editing created_at; they never move the watermark, or
 * every genuinely new session would look old.
 */
export const FUTURE_SLACK_MINUTES = 15 * 60;
