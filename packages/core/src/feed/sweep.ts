import type { Session } from '../schemas/session';
import { Fingerprint, keyOf, keyString } from './fingerprint';
import type { FeedSource } from './types';

/** The API's largest page: a sweep reads the list in as few requests as it can. */
const SWEEP_PAGE = 100;

export interface SweepResult {
  /** Every session read, newest first. */
  sessions: Session[];
  /** Fingerprint of their ids. */
  fp: Fingerprint;
  /** The whole list was read within the page budget (and as many sessions as the API counted). */
  complete: boolean;
  pages: number;
  /** The count the first page reported (query_count), when the API sends it. */
  total?: number;
}

/**
 * Reads the whole newest-first list (pages of 100 after the last id of each page) and fingerprints
 * the ids. Duplicates across pages (a list shifting under the reader) are counted once.
 */
export async function sweep(source: FeedSource, maxPages: number, cells: number): Promise<SweepResult> {
  const fp = new Fingerprint(cells);
  const seen = new Set<string>();
  const sessions: Session[] = [];
  let after: string | undefined;
  let pages = 0;
  let total: number | undefined;
  while (pages < maxPages) {
    pages++;
    const answer = await source.newest(after === undefined ? { limit: SWEEP_PAGE } : { limit: SWEEP_PAGE, start_after_id: after });
    const page = answer.sessions;
    if (after === undefined) total = answer.total;
    for (const s of page) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      sessions.push(s);
      fp.add(keyOf(s.id));
    }
    // A short page ends the list; with a count to compare, a list that moved under us does not.
    if (page.length < SWEEP_PAGE) return { sessions, fp, complete: total === undefined || total === sessions.length, pages, total };
    after = page[page.length - 1].id;
  }
  return { sessions, fp, complete: false, pages, total };
}

/**
 * Sessions of a sweep that the believed fingerprint lacks (appeared where no scan looks), or null
 * when the difference is too large to decode.
 */
export function appeared(believed: Fingerprint, swept: SweepResult): Session[] | null {
  if (believed.size !== swept.fp.size) return null;
  const diff = swept.fp.minus(believed).decode();
  if (!diff) return null;
  const byKey = new Map(swept.sessions.map((s) => [keyString(keyOf(s.id)), s]));
  const out: Session[] = [];
  for (const k of diff.added) {
    const s = byKey.get(keyString(k));
    if (!s) return null; // a key we did not read: the decode is not trustworthy
    out.push(s);
  }
  return out;
}
