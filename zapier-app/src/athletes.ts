import { MAX_PAGE_SIZE, toIso } from '@aikynetix/core/host';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clientFor } from './client';
import type { InputField } from './fields';
import type { Flat } from './presenters/flatten';

/**
 * The API has no athlete endpoint: athletes are known only through their sessions (`user_id`,
 * `user_name`). The dropdown lists the athletes of the newest sessions, this many at most.
 */
export const ATHLETE_SCAN_SESSIONS = 500;

/** An athlete as the dropdown and Find Athlete present them. */
export interface Athlete extends Flat {
  id: string;
  user_id: string;
  name: string;
  /** When the athlete's newest session was created (ISO 8601). */
  last_session_at: string | null;
  session_count: number;
}

/** A User ID field as a dropdown of athletes; a typed or mapped ID is still accepted. */
export const ATHLETE_PICKER: Partial<InputField> = {
  dynamic: 'athlete_list.id.name',
  search: 'find_athlete.id',
  helpText:
    "Pick an athlete, or enter or map their AIKYNETIX user ID. The list shows athletes who have sessions; a new athlete's ID can be typed in.",
};

/** Distinct athletes of the account's newest sessions, most recently active first. */
export async function recentAthletes(z: ZObject, bundle: Bundle): Promise<Athlete[]> {
  const byId = new Map<string, Athlete>();
  const client = clientFor(z, bundle);
  for await (const s of client.sessions.iterate({ pageSize: MAX_PAGE_SIZE, max: ATHLETE_SCAN_SESSIONS })) {
    const id = typeof s.user_id === 'string' ? s.user_id.trim() : '';
    if (!id) continue;
    const known = byId.get(id);
    if (known) {
      known.session_count += 1;
      continue;
    }
    const name = typeof s.user_name === 'string' && s.user_name.trim() ? s.user_name.trim() : id;
    byId.set(id, { id, user_id: id, name, last_session_at: toIso(s.created_at), session_count: 1 });
  }
  return [...byId.values()];
}

/** Athletes whose name contains `query` (any case) or whose user ID equals it. */
export function matchAthletes(athletes: Athlete[], query: string): Athlete[] {
  const q = query.trim().toLowerCase();
  if (!q) return athletes;
  const exact = athletes.filter((a) => a.id.toLowerCase() === q);
  return exact.length > 0 ? exact : athletes.filter((a) => a.name.toLowerCase().includes(q));
}

/** outputFields of an athlete item. */
export const athleteOutputFields = [
  { key: 'id', label: 'Athlete User ID' },
  { key: 'name', label: 'Athlete Name' },
  { key: 'last_session_at', label: 'Newest Session Created At (UTC)', type: 'datetime' as const },
  { key: 'session_count', label: 'Sessions (among the newest 500)', type: 'integer' as const },
];

/** A realistic athlete item. */
export const athleteSample: Athlete = {
  id: 'athlete-7Qd2',
  user_id: 'athlete-7Qd2',
  name: 'Maya Lindqvist',
  last_session_at: '2025-02-05T18:00:00.000Z',
  session_count: 12,
};
