import type { ResolvedConfig } from '../config';
import { AbortError, AikynetixError, DeadlineExceededError, ResponseParseError } from '../errors';
import type { AnyOperation } from '../registry/types';
import { validateInput } from '../registry/validate';
import type { Transport, TransportResponse } from '../transport/types';
import type { Downloader } from '../upload/videoSource';
import type { Logger } from '../util/logger';
import { redactHeaders, scrub, truncate } from '../util/redact';
import { afterDelay, pause, type Sleep } from '../timing/sleep';
import { errorFromException, errorFromResponse, requestIdOf } from './classify';
import { prepareRequest } from './request';
import { mayRetry, retryDelay } from './retry';

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

/** Validate, send (with retries where safe), classify and parse one operation call. */
export async function executeOperation(
  ctx: ExecContext,
  op: AnyOperation,
  input: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  const { config, transport, logger, sleep } = ctx;
  const secrets = config.secrets;
  const wire = validateInput(op, input ?? {}) as Record<string, unknown>;
  const prepared = prepareRequest(config, op, wire, { download: options.download, onProgress: options.onUploadProgress });
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const deadlineMs = options.deadlineMs ?? config.deadlineMs;
  const deadline = deadlineMs === undefined ? Infinity : Date.now() + deadlineMs;
  const perAttempt = prepared.isUpload ? config.uploadTimeoutMs : (options.timeoutMs ?? config.timeoutMs);

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new AbortError(`${op.title} was cancelled`, { operationId: op.id });
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new DeadlineExceededError(`${op.title} ran out of time (deadline ${deadlineMs} ms)`, {
        operationId: op.id,
        hint: 'AIKYNETIX is slow to answer right now: retry later.',
      });
    }
    const timeoutMs = Math.min(perAttempt, remaining);
    const started = Date.now();
    let error: AikynetixError | undefined;
    let response: TransportResponse | undefined;
    const timeout = new AbortController();
    const cancelTimer = prepared.isUpload ? undefined : afterDelay(sleep, timeoutMs, () => timeout.abort());
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    let dispose: (() => void) | undefined;
    try {
      const { body, headers, dispose: release, recycler } = await prepared.body(signal);
      dispose = release;
      logger.debug?.(`→ ${prepared.method} ${prepared.url}`, {
        operationId: op.id,
        attempt,
        headers: redactHeaders({ ...prepared.headers, ...headers }),
      });
      response = await transport.send({
        method: prepared.method,
        url: prepared.url,
        headers: { ...prepared.headers, ...headers },
        body,
        timeoutMs,
        signal,
        operationId: op.id,
        recycler,
      });
    } catch (err) {
      if (err instanceof AikynetixError && !(err as { status?: number }).status && err.name === 'ValidationError') {
        throw err; // a video source that could not be opened: bad input, nothing sent
      }
      error = errorFromException(op, err, {
        timedOut: timeout.signal.aborted,
        aborted: options.signal?.aborted ?? false,
        secrets,
      });
    } finally {
      cancelTimer?.();
      dispose?.();
    }
    if (response) {
      logger.debug?.(`← ${response.status} ${op.id}`, {
        operationId: op.id,
        ms: Date.now() - started,
        requestId: requestIdOf(response.headers),
      });
      if (response.status >= 200 && response.status < 300) return parseSuccess(op, response, secrets);
      if (response.status === 404 && op.emptyOn404) return op.output.parse(emptyListing());
      error = errorFromResponse(op, response, secrets);
    }
    if (!error) throw new Error('unreachable: neither a response nor an error');
    const retriesLeft = attempt <= maxRetries;
    if (!retriesLeft || !mayRetry(error, op.idempotent, prepared.replayable)) throw error;
    const delay = retryDelay(error, attempt, config.maxRetryAfterMs);
    if (Date.now() + delay >= deadline) throw error; // no time left for another try: the real cause is more useful
    logger.warn?.(`retrying ${op.id} after ${error.name}`, { attempt, pauseMs: delay, status: error.status });
    await pause(sleep, delay, options.signal);
  }
}

/** The documented empty shape of the listing endpoints (their 404 means "nothing found"). */
function emptyListing(): Record<string, unknown> {
  return { sessions: {}, query_count: 0, first_doc_id: null, last_doc_id: null };
}

function parseSuccess(op: AnyOperation, res: TransportResponse, secrets: ReadonlyArray<string | undefined>): unknown {
  const text = res.body.trim();
  let json: unknown = {};
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ResponseParseError(`${op.title}: AIKYNETIX sent a response that is not valid JSON`, {
        operationId: op.id,
        status: res.status,
        requestId: requestIdOf(res.headers),
        bodySnippet: truncate(scrub(text, secrets), 200),
        hint: 'This is usually a temporary server or proxy problem: retry the step.',
      });
    }
  }
  const parsed = op.output.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ResponseParseError(
      `${op.title}: the response did not have the expected shape (${first?.path.join('.') || 'body'}: ${first?.message})`,
      {
        operationId: op.id,
        status: res.status,
        requestId: requestIdOf(res.headers),
        bodySnippet: truncate(scrub(text, secrets), 200),
        hint: 'The API may have changed: report this to the connector maintainers.',
      },
    );
  }
  return parsed.data;
}
