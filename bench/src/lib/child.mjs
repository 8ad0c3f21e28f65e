import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** VmHWM (peak resident set) of a live process in bytes, or 0 once it is gone. */
export function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, ms) a live process has used so far, from /proc/<pid>/stat; 0 once gone. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 100 Hz ticks
  } catch {
    return 0;
  }
}

/**
 * Runs a command, sampling its peak RSS (VmHWM, a high-water mark) every 50 ms until it exits.
 * Node workers also report process.resourceUsage().maxRSS themselves; the caller takes the max.
 */
export function runMeasured(cmd, args, { env, cwd, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let cpu = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      peak = Math.max(peak, vmHwm(child.pid));
      cpu = Math.max(cpu, cpuMs(child.pid));
    };
    const sampler = setInterval(sample, 50);
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearInterval(sampler);
      clearTimeout(killer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      // stdout may still be flushing after 'exit'
      setImmediate(() => resolve({ code, signal, stdout, stderr, peakRss: peak, cpuMs: cpu, ms: performance.now() - started }));
    });
  });
}

/** The last line of a worker's stdout, parsed as JSON (workers print one result object). */
export function lastJson(stdout) {
  const lines = stdout.trim().split('\n').filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(lines[i]);
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}
