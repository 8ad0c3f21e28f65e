import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type FaultSpec, type Simulator } from '@aikynetix/simulator';
import { KEYS } from './secrets';

export type { FaultSpec, Simulator };

/** The real simulator, in-process, with the suite's recognisable keys and short delays. */
export function startSim(options: { dataDir?: string; port?: number; processingDelayMs?: number } = {}): Promise<Simulator> {
  return start({
    port: options.port ?? 0,
    dataDir: options.dataDir,
    apiKey: KEYS.admin,
    nonAdminKey: KEYS.nonAdmin,
    noPlanKey: KEYS.noPlan,
    processingDelayMs: options.processingDelayMs ?? 100,
    genAiDelayMs: 50,
  });
}

/** Requests the simulator saw on one route (`METHOD /path/template/`), control routes excluded. */
export function hits(sim: Simulator, route: string): number {
  return sim.control.stats().requests[route] ?? 0;
}

export const UPLOAD_ROUTE = 'POST /running/sessions/';
export const FILTER_ROUTE = 'GET /session-management/sessions/filter/';

/** A small file the simulator accepts as an MP4 (`ftyp` at offset 4). */
export function sampleVideo(bytes = 64 * 1024): string {
  const buf = Buffer.alloc(bytes, 7);
  buf.writeUInt32BE(24, 0);
  buf.write('ftypisom', 4, 'latin1');
  const path = join(mkdtempSync(join(tmpdir(), 'aikynetix-reliability-')), 'run.mp4');
  writeFileSync(path, buf);
  return path;
}

/** Rejection of a promise that must fail (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure, but the call succeeded');
}
