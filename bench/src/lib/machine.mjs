import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Load averages (1, 5, 15 min) from /proc/loadavg. */
export function loadAvg() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return os.loadavg();
  }
}

/** What the numbers were measured on. */
export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return {
    cores: os.cpus().length,
    cpu,
    memGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
