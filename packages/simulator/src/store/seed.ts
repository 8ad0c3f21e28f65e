import { athlete } from '../data/profile';
import { EXPORT_BYTES_PER_SAMPLE } from '../data/running';
import { newSessionId } from '../util/ids';
import type { SessionStore } from './store';
import type { Activity, SessionRecord } from './types';

/** Options of `POST /__sim/seed` and `control.seed()`. */
export interface SeedOptions {
  /** How many sessions to create (1..100000). */
  count: number;
  /** Processed at once (default true); false leaves them Processing for processingDelayMs. */
  processed?: boolean;
  /** Every Nth session ends Failed instead (0 = none, the default). */
  failedEvery?: number;
  activity?: Activity;
  /** One user id for all, or a list used round-robin (default 'seed-user-1'..'seed-user-5'). */
  userIds?: string[];
  titlePrefix?: string;
  /** created_at of the newest seeded session (ISO; default now); older ones step back by spacingMs. */
  newestAt?: string;
  /** Gap between consecutive created_at values (default 60000 = one minute). */
  spacingMs?: number;
  /** Make each session's export about this many megabytes (large-export benchmarks). */
  exportMb?: number;
}

/** Creates many sessions quickly (no video files: media routes serve a built-in MP4). */
export function seedSessions(store: SessionStore, o: SeedOptions, uploader: { uid: string; name: string }, processingDelayMs: number): string[] {
  const users = o.userIds?.length ? o.userIds : ['seed-user-1', 'seed-user-2', 'seed-user-3', 'seed-user-4', 'seed-user-5'];
  const newest = o.newestAt ? Date.parse(o.newestAt) : Date.now();
  const spacing = o.spacingMs ?? 60_000;
  const activity = o.activity ?? 'Running';
  const samples = o.exportMb ? Math.ceil((o.exportMb * 1_000_000) / EXPORT_BYTES_PER_SAMPLE) : undefined;
  const ids: string[] = [];
  // One transaction for the whole seed: 10,000 sessions cost one commit, not 10,000.
  store.batch(() => {
    for (let i = 0; i < o.count; i++) {
      const created = new Date(newest - i * spacing);
      const userId = users[i % users.length];
      const failed = (o.failedEvery ?? 0) > 0 && (i + 1) % o.failedEvery! === 0;
      const s: SessionRecord = {
        id: newSessionId(),
        activity,
        title: `${o.titlePrefix ?? 'Seeded session'} ${o.count - i}`,
        userId,
        userName: athlete(userId).displayName,
        uploadedBy: uploader.uid,
        uploadedName: uploader.name,
        createdAt: created.toISOString(),
        readyAt: o.processed === false ? new Date(Date.now() + processingDelayMs).toISOString() : created.toISOString(),
        outcome: failed ? 'Failed' : 'Processed',
        failureReason: failed ? 'Seeded as failed' : undefined,
        inclineDegree: 0,
        bodyJointAngles: ['all'],
        exercise: activity === 'Weightlifting' ? 'Squat' : undefined,
        samples,
      };
      store.add(s, { seeded: true });
      ids.push(s.id);
    }
  });
  return ids;
}
