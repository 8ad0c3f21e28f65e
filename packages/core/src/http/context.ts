import type { ResolvedConfig } from '../config';
import type { Sleep } from '../timing/sleep';
import type { Transport } from '../transport/types';
import type { Downloader } from '../upload/videoSource';
import type { Logger } from '../util/logger';

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Override the client's per-attempt timeout. */
  timeoutMs?: number;
  /** Override the client's overall deadline. */
  deadlineMs?: number;
  /** Override the client's retry count. */
  maxRetries?: number;
  /** Fetches URL video sources (default: undici, without auth headers). */
  download?: Downloader;
  /** Called as video bytes are handed to the transport: bytes so far, and the total when known. */
  onUploadProgress?: (sent: number, total: number | undefined) => void;
}

/** What the executor needs from the client. */
export interface ExecContext {
  config: ResolvedConfig;
  transport: Transport;
  logger: Logger;
  /** The host's waiting: retry pauses and per-attempt timeouts. */
  sleep: Sleep;
}
