/**
 * Durable session storage for `--data-dir`: one SQLite database (`<dataDir>/sessions.db`) through
 * Node's built-in `node:sqlite` (no native add-on to build). Every change is committed
 * synchronously before the route answers, so a 200 means the session is on disk: a SIGKILL right
 * after loses nothing. The rollback journal is deleted at each commit, so the directory holds only
 * `sessions.db` (plus `videos/`) between requests.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SessionRecord } from './types';

type Sqlite = typeof import('node:sqlite');
type Database = InstanceType<Sqlite['DatabaseSync']>;
type Statement = ReturnType<Database['prepare']>;

/** node:sqlite, or a clear error on a Node without it (it ships unflagged from Node 22.13). */
function loadSqlite(): Sqlite {
  try {
    // Required lazily: the in-memory simulator must not need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('node:sqlite') as Sqlite;
  } catch {
    throw new Error(`--data-dir needs node:sqlite (Node 22.13 or newer); this is Node ${process.versions.node}`);
  }
}

/** What is kept besides the sessions. */
export interface PersistedMeta {
  sessionsCreated: number;
}

/** The sessions table plus a small key/value table, written through on every change. */
export class SessionDb {
  private readonly put: Statement;
  private readonly del: Statement;
  private readonly setMeta: Statement;
  private depth = 0;

  private constructor(private readonly db: Database) {
    this.put = db.prepare('INSERT INTO sessions (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record');
    this.del = db.prepare('DELETE FROM sessions WHERE id = ?');
    this.setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  /** Opens (or creates) `<dataDir>/sessions.db`, importing a legacy `sessions.json` once. */
  static async open(dataDir: string): Promise<SessionDb> {
    const { DatabaseSync } = loadSqlite();
    const db = new DatabaseSync(path.join(dataDir, 'sessions.db'));
    // FULL: every commit is fsync'd (survives more than a process kill); DELETE: no -wal/-shm files linger.
    db.exec('PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;');
    db.exec('CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, record TEXT NOT NULL) STRICT');
    db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    const store = new SessionDb(db);
    await store.importLegacy(path.join(dataDir, 'sessions.json'));
    return store;
  }

  /** Every stored session and the counters. */
  load(): { sessions: SessionRecord[]; meta: PersistedMeta } {
    const rows = this.db.prepare('SELECT record FROM sessions').all() as Array<{ record: string }>;
    const created = this.db.prepare("SELECT value FROM meta WHERE key = 'sessionsCreated'").get() as { value: string } | undefined;
    return {
      sessions: rows.map((r) => JSON.parse(r.record) as SessionRecord),
      meta: { sessionsCreated: created ? Number(created.value) : 0 },
    };
  }

  /** Inserts or replaces a session. */
  save(session: SessionRecord): void {
    this.put.run(session.id, JSON.stringify(session));
  }

  remove(id: string): void {
    this.del.run(id);
  }

  removeAll(): void {
    this.db.exec('DELETE FROM sessions');
  }

  meta(meta: PersistedMeta): void {
    this.setMeta.run('sessionsCreated', String(meta.sessionsCreated));
  }

  /** Runs `fn` in one transaction (one fsync for a whole seed of 10,000 sessions). */
  batch<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Data dirs written by earlier versions (`sessions.json`) are imported, then the file is removed. */
  private async importLegacy(file: string): Promise<void> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const state = JSON.parse(text) as { version?: number; sessionsCreated?: number; sessions?: SessionRecord[] };
    if (state.version !== 1 || !Array.isArray(state.sessions)) {
      throw new Error(`${file} is not a simulator state file (version ${String(state.version)})`);
    }
    this.batch(() => {
      for (const s of state.sessions!) this.save(s);
      this.meta({ sessionsCreated: state.sessionsCreated ?? 0 });
    });
    await fs.rm(file);
  }
}
