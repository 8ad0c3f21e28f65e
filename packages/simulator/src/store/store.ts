import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SessionDb } from './persist';
import type { SessionRecord } from './types';

/** Newest first by created_at, then by id (descending) so the order is total and stable. */
function compareNewestFirst(a: SessionRecord, b: SessionRecord): number {
  const d = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (d !== 0) return d;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Session storage: an in-memory map, written through to `<dataDir>/sessions.db` (SQLite, see
 * persist.ts) when a data dir is given, with videos in `<dataDir>/videos/`.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private ordered: SessionRecord[] | undefined;
  /** Sessions created through the API (uploads) since start or restore; never decremented by deletes. */
  sessionsCreated = 0;
  /** Sessions created by the seed control route. */
  sessionsSeeded = 0;

  private constructor(
    readonly videosDir: string,
    private readonly db: SessionDb | undefined,
    private readonly ownsVideosDir: boolean,
  ) {}

  /** Opens a store: persistent when dataDir is given, else in memory with videos in a temp dir. */
  static async open(dataDir?: string): Promise<SessionStore> {
    if (dataDir) {
      const videos = path.join(dataDir, 'videos');
      await fs.mkdir(videos, { recursive: true });
      // Uploads cut short by a kill leave their partial file behind: nothing refers to it.
      for (const name of await fs.readdir(videos)) {
        if (name.startsWith('.upload-') && name.endsWith('.part')) await fs.rm(path.join(videos, name), { force: true });
      }
      const db = await SessionDb.open(dataDir);
      const store = new SessionStore(videos, db, false);
      const { sessions, meta } = db.load();
      for (const s of sessions) store.sessions.set(s.id, s);
      store.sessionsCreated = meta.sessionsCreated;
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
    this.db?.batch(() => {
      this.db!.save(session);
      if (!opts.seeded) this.db!.meta({ sessionsCreated: this.sessionsCreated });
    });
  }

  /** Runs many changes as one transaction (seeding thousands of sessions costs one commit). */
  batch<T>(fn: () => T): T {
    return this.db ? this.db.batch(fn) : fn();
  }

  /** Applies a change to a session; returns the updated record or undefined when unknown. */
  update(id: string, patch: Partial<SessionRecord>): SessionRecord | undefined {
    const s = this.sessions.get(id);
    if (!s) return undefined;
    Object.assign(s, patch);
    this.changed();
    this.db?.save(s);
    return s;
  }

  /** Deletes a session and its video file. */
  async delete(id: string): Promise<boolean> {
    const s = this.sessions.get(id);
    if (!s) return false;
    this.sessions.delete(id);
    this.changed();
    this.db?.remove(id);
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
    this.db?.batch(() => {
      this.db!.removeAll();
      this.db!.meta({ sessionsCreated: 0 });
    });
    await Promise.all(files.map((f) => fs.rm(this.videoPath(f), { force: true })));
  }

  videoPath(file: string): string {
    return path.join(this.videosDir, file);
  }

  /** Closes the database and, for in-memory stores, removes the temp video directory. */
  async close(): Promise<void> {
    this.db?.close();
    if (this.ownsVideosDir) await fs.rm(this.videosDir, { recursive: true, force: true });
  }

  private changed(): void {
    this.ordered = undefined;
  }
}
