import { AbortError, AikynetixError, DeadlineExceededError, NotFoundError } from '../errors';
import type { AnyOperation } from '../registry/types';
import type { TransportResponse } from '../transport/types';
import { redactHeaders } from '../util/redact';
import { afterDelay, pause } from '../timing/sleep';
import { errorFromException, errorFromResponse, isApiErrorBody, requestIdOf } from './classify';
import type { CallOptions, ExecContext } from './context';
import { parseSuccess } from './parse';
import type { PreparedRequest } from './request';
import { mayRetry, provablyNotSent, retryDelay } from './retry';

/** Send a prepared request, retrying where safe, and return the parsed result or throw the typed error. */
export async function sendWithRetries(
  ctx: ExecContext,
  op: AnyOperation,
  prepared: PreparedRequest,
  options: CallOptions,
): Promise<unknown> {
  const { config, transport, logger, sleep } = ctx;
  const secrets = config.secrets;
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const deadlineMs = options.deadlineMs ?? config.deadlineMs;
  const deadline = deadlineMs === undefined ? Infinity : Date.now() + deadlineMs;
  const perAttempt = prepared.isUpload ? config.uploadTimeoutMs : (options.timeoutMs ?? config.timeoutMs);
  // Set once an attempt may have reached the server without us seeing its answer.
  let maybeApplied = false;

  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new AbortError(`${op.title} was cancelled`, { operationId: op.id });
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new DeadlineExceededError(`${op.title} ran out of time (deadline ${deadlineMs} ms)`, {
        operationId: op.id,
        hint: 'AIKYNETIX is slow to answer right now: try again later.',
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
      if (response.status >= 200 && response.status < 300) {
        try {
          return parseSuccess(op, response, secrets);
        } catch (err) {
          error = err as AikynetixError;
        }
      } else if (response.status === 404 && isApiErrorBody(response.body) && op.emptyOn404) {
        return op.output.parse(emptyListing());
      } else {
        error = errorFromResponse(op, response, secrets, config.baseUrl);
        if (error instanceof NotFoundError && op.sideEffect === 'deletes' && maybeApplied) {
          // An earlier attempt's answer was lost; the session is gone now: that attempt deleted it.
          return { ...(op.output.parse({ success: 'Session deleted' }) as object), recovered: true };
        }
      }
    }
    if (!error) throw new Error('unreachable: neither a response nor an error');
    if (!provablyNotSent(error)) maybeApplied = true;
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
