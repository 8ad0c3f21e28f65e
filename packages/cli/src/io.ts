/** Where a run of the CLI reads and writes; the real process streams in bin.ts, buffers in tests. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  /** Read for confirmations (`sessions delete` without --yes). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: stops `simulate` and any wait in progress. */
  signal?: AbortSignal;
  /** Working directory for relative paths (default process.cwd()). */
  cwd?: string;
}

/** A writer that replaces every secret with `***`, whatever a message contains (defence in depth). */
export function redactingWriter(
  target: Io['stderr'],
  secrets: () => Array<string | undefined>,
): Io['stderr'] {
  return {
    write(chunk: string) {
      let out = String(chunk);
      for (const s of secrets()) if (s && s.length >= 4) out = out.split(s).join('***');
      return target.write(out);
    },
    get isTTY() {
      return target.isTTY;
    },
    get columns() {
      return target.columns;
    },
  };
}
