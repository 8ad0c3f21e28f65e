// One installer at a time per cache folder (jest workers, .ci/run's background steps), shared by
// the cached installs of n8n (e2e-n8n/install-n8n.mjs) and of n8n's scanner (n8n-scan/install-scanner.mjs).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `fn` holding `<dir>.lock`; a lock left by a killed installer is taken over. */
export async function withLock(dir, fn) {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      writeFileSync(lock, String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(lock, 'utf8') || '0');
      } catch {
        continue; // released between our two calls: try again at once
      }
      if (owner && !pidAlive(owner)) rmSync(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
