import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SIM_BIN } from './paths.mjs';

/**
 * The simulator in its own process (so its CPU and memory never count against the surface being
 * measured), with its data on tmpfs when there is one: the VM disk would cap every surface alike.
 */
export async function startSimProcess({ processingDelayMs = 0, apiKey = 'sim_admin_key' } = {}) {
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dataDir = mkdtempSync(path.join(base, 'aikynetix-bench-sim-'));
  const child = spawn(
    process.execPath,
    [SIM_BIN, '--port', '0', '--data-dir', dataDir, '--processing-delay-ms', String(processingDelayMs), '--genai-delay-ms', '0', '--api-key', apiKey],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Never leave a simulator behind if the bench dies or is interrupted.
  const orphanGuard = () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', orphanGuard);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
  });
  const control = async (method, route, body) => {
    const res = await fetch(`${url}/__sim/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`/__sim/${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url,
    apiKey,
    pid: child.pid,
    dataDir,
    stats: () => control('GET', 'stats'),
    seed: (options) => control('POST', 'seed', options),
    reset: () => control('POST', 'reset', {}),
    faults: (rules) => control('POST', 'faults', rules),
    /** Deletes a session through the API (frees its stored video). */
    async deleteSession(id) {
      await fetch(`${url}/session-management/sessions/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: { authorization: `API-KEY ${apiKey}` },
      }).then((r) => r.arrayBuffer());
    },
    async close() {
      process.removeListener('exit', orphanGuard);
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
