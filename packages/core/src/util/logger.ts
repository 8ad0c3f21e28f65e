/** Minimal structured logger; hosts pass theirs (n8n's `this.logger`, console, pino...). */
export interface Logger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {};
