import type { Io } from './io';

/** Human-readable byte count (binary units). */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** A bar drawn on one stderr line; a no-op when disabled (not a TTY, or --json). */
export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const REDRAW_MS = 100;

/** A byte progress bar: `[=====>     ]  45%  12.0 MiB / 27.0 MiB  5.1 MiB/s`. */
export function progressBar(stderr: Io['stderr'], total: number | undefined, enabled: boolean, label = 'Uploading'): ProgressBar {
  if (!enabled) return { update() {}, finish() {} };
  const started = Date.now();
  let last = 0;
  let done = 0;
  const draw = () => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = `${formatBytes(done / secs)}/s`;
    const width = Math.max(10, Math.min(30, (stderr.columns ?? 80) - 60));
    let text: string;
    if (total && total > 0) {
      const ratio = Math.min(1, done / total);
      const filled = Math.round(ratio * width);
      const bar = '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (ratio >= 1 ? '=' : '>') : '') + ' '.repeat(width - filled);
      text = `${label} [${bar}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatBytes(done)} / ${formatBytes(total)}  ${rate}`;
    } else {
      text = `${label} ${formatBytes(done)}  ${rate}`;
    }
    stderr.write(`\r${text}\x1b[K`);
  };
  return {
    update(n) {
      done = n;
      const now = Date.now();
      if (now - last >= REDRAW_MS) {
        last = now;
        draw();
      }
    },
    finish() {
      draw();
      stderr.write('\n');
    },
  };
}

/** A one-line status with a spinner (TTY) or plain status lines on change (not a TTY). */
export interface StatusLine {
  set(text: string): void;
  stop(finalText?: string): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Spinner on a TTY; on plain stderr each distinct status is printed once; silent when quiet. */
export function statusLine(stderr: Io['stderr'], mode: 'tty' | 'plain' | 'quiet'): StatusLine {
  if (mode === 'quiet') return { set() {}, stop() {} };
  if (mode === 'plain') {
    let lastText = '';
    return {
      set(text) {
        if (text !== lastText) stderr.write(`${text}\n`);
        lastText = text;
      },
      stop(finalText) {
        if (finalText) stderr.write(`${finalText}\n`);
      },
    };
  }
  let text = '';
  let frame = 0;
  const started = Date.now();
  const draw = () => {
    const secs = Math.floor((Date.now() - started) / 1000);
    stderr.write(`\r${FRAMES[frame++ % FRAMES.length]} ${text} (${secs}s)\x1b[K`);
  };
  const timer = setInterval(draw, 120);
  timer.unref();
  return {
    set(t) {
      text = t;
      draw();
    },
    stop(finalText) {
      clearInterval(timer);
      stderr.write(`\r\x1b[K${finalText ? `${finalText}\n` : ''}`);
    },
  };
}
