import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadState, saveState } from './persist';
import type { SessionRecord } from './types';

/** Newest first by created_at, then by id (descending) so the order is total and stable. */
function compareNewestFirst(a: SessionRecord, b: SessionRecord): number {
  const d = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (d !== 0) return d;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Session storage: an in-memory map, optionally mirrored to `<dataDir>/sessions.json`
 * (atomic writes, coalesced) with videos in `<dataDir>/videos/`.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private ordered: SessionRecord[] | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private saveScheduled = false;
  /** Sessions created through the API (uploads) since start or restore; never decremented by deletes. */
  sessionsCreated = 0;
  /** Sessions created by the seed control route. */
  sessionsSeeded = 0;

  private constructor(
    readonly videosDir: string,
    private readonly stateFile: string | undefined,
    private readonly ownsVideosDir: boolean,
  ) {}

  /** Opens a store: persistent when dataDir is given, else in memory with videos in a temp dir. */
  static async open(dataDir?: string): Promise<SessionStore> {
    if (dataDir) {
      const videos = path.join(dataDir, 'videos');
      await fs.mkdir(videos, { recursive: true });
      const store = new SessionStore(videos, path.join(dataDir, 'sessions.json'), false);
      const state = await loadState(store.stateFile!);
      if (state) {
        for (const s of state.sessions) store.sessions.set(s.id, s);
        store.sessionsCreated = state.sessionsCreated;
      }
      return store;
    }
    const videos = await fs.mkdtemp(path.join(os.tmpdir(), 'aikynetix-sim-'));
    return new SessionStore(videos, undefined, true);
  }

  get(id: string): SessionRecord | undefined {
    return this.sessions.get(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** All sessions, newest first (cached until the next change). */
  list(): readonly SessionRecord[] {
    if (!this.ordered) this.ordered = [...this.sessions.values()].sort(compareNewestFirst);
    return this.ordered;
  }

  /** Adds a new session; API-created ones count in sessionsCreated, seeded ones in sessionsSeeded. */
  add(session: SessionRecord, opts: { seeded?: boolean } = {}): void {
    this.sessions.set(session.id, session);
    if (opts.seeded) this.sessionsSeeded++;
    else this.sessionsCreated++;
    this.changed();
  }

  /** Applies a change to a session; returns the updated record or undefined when unknown. */
  update(id: string, patch: Partial<SessionRecord>): SessionRecord | undefined {
    const s = this.sessions.get(id);
    if (!s) return undefined;
    Object.assign(s, patch);
    this.changed();
    return s;
  }

  /** Deletes a session and its video file. */
  async delete(id: string): Promise<boolean> {
    const s = this.sessions.get(id);
    if (!s) return false;
    this.sessions.delete(id);
    this.changed();
    if (s.video) await fs.rm(this.videoPath(s.video.file), { force: true });
    return true;
  }

  /** Removes every session and video (the control route's reset). */
  async clear(): Promise<void> {
    const files = [...this.sessions.values()].flatMap((s) => (s.video ? [s.video.file] : []));
    this.sessions.clear();
    this.sessionsCreated = 0;
    this.sessionsSeeded = 0;
    this.changed();
    await Promise.all(files.map((f) => fs.rm(this.videoPath(f), { force: true })));
  }

  videoPath(file: string): string {
    return path.join(this.videosDir, file);
  }

  /** Waits until everything changed so far is on disk. */
  async flush(): Promise<void> {
    if (this.dirty) await this.writeNow();
    await this.saving;
  }

  /** Flushes and, for in-memory stores, removes the temp video directory. */
  async close(): Promise<void> {
    await this.flush();
    if (this.ownsVideosDir) await fs.rm(this.videosDir, { recursive: true, force: true });
  }

  private changed(): void {
    this.ordered = undefined;
    if (!this.stateFile) return;
    this.dirty = true;
    // Coalesce bursts (e.g. seeding 10,000 sessions) into one write per tick.
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    setImmediate(() => {
      this.saveScheduled = false;
      this.writeNow().catch(() => undefined); // surfaced by flush()
    });
  }

  private writeNow(): Promise<void> {
    this.dirty = false;
    const state = { version: 1 as const, sessionsCreated: this.sessionsCreated, sessions: [...this.sessions.values()] };
    const file = this.stateFile!;
    // A failed write must not poison later ones: chain on the settled previous write.
    const run = this.saving.catch(() => undefined).then(() => saveState(file, state));
    this.saving = run;
    run.catch(() => {
      this.dirty = true;
    });
    return run;
  }
}
