import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SessionRecord } from './types';

/** What is written to `<dataDir>/sessions.json`. */
export interface PersistedState {
  version: 1;
  sessionsCreated: number;
  sessions: SessionRecord[];
}

/** Reads the persisted state, or undefined when there is none yet. */
export async function loadState(file: string): Promise<PersistedState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const state = JSON.parse(text) as PersistedState;
  if (state.version !== 1 || !Array.isArray(state.sessions)) {
    throw new Error(`${file} is not a simulator state file (version ${String(state.version)})`);
  }
  return state;
}

/** Writes the state atomically: a temp file in the same directory, then rename over the old one. */
export async function saveState(file: string, state: PersistedState): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(tmp, JSON.stringify(state));
  await fs.rename(tmp, file);
}
