import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { start } from '@aikynetix/simulator';
import { run } from '../src/program';

export type Sim = Awaited<ReturnType<typeof start>>;

/** The simulator with fast processing, as every CLI test uses it. */
export function startSim(): Promise<Sim> {
  return start({ port: 0, processingDelayMs: 300, genAiDelayMs: 200 });
}

/** A scratch folder (also used as HOME / XDG_CONFIG_HOME so no real config file is read). */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'aikynetix-cli-'));
}

/** A small file the simulator accepts as MP4 (`ftyp` at offset 4). */
export function sampleVideo(dir: string, bytes = 300 * 1024): string {
  const buf = Buffer.alloc(bytes, 7);
  buf.writeUInt32BE(24, 0);
  buf.write('ftypisom', 4, 'latin1');
  const path = join(dir, 'run.mp4');
  writeFileSync(path, buf);
  return path;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  tty?: boolean;
  signal?: AbortSignal;
}

/** Runs the CLI in-process with captured output. */
export async function cli(argv: string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = opts.stdin ?? Object.assign(new PassThrough(), { isTTY: false });
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty, columns: 100 },
    stdin,
    env: opts.env ?? {},
    cwd: opts.cwd,
    signal: opts.signal,
  });
  return { code, stdout, stderr };
}

/** Environment pointing at the simulator with the admin key, isolated from the user's config. */
export function simEnv(sim: Sim, home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AIKYNETIX_BASE_URL: sim.url, AIKYNETIX_API_KEY: sim.apiKey, ...extra };
}

/** Total API requests the simulator has seen (control routes excluded). */
export function requestCount(sim: Sim): number {
  return sim.control.stats().totalRequests;
}
