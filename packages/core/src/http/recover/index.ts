/**
 * Exactly-once outcomes for writes. A write (upload, generate) is never re-sent once it may have
 * reached the server; when its answer is then lost, these checks find out with read-only requests
 * whether it took effect, so no surface ever has to guess (or advise a blind retry).
 */
import { AikynetixError, ConnectionError, ResponseParseError, ServerError, TimeoutError } from '../../errors';
import type { AnyOperation } from '../../registry/types';
import type { CallOptions } from '../context';
import { generateRecovery } from './generate';
import { pause as hold, type Sleep } from '../../timing/sleep';
import { uploadRecovery } from './upload';

/** Calls a read-only operation on the write's behalf (same client, same cancellation). */
export type Reader = (operationId: string, input: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;

/** What the checks after a lost answer get. */
export interface RecoveryContext {
  read: Reader;
  op: AnyOperation;
  /** The write's validated, wire-ready input. */
  wire: Record<string, unknown>;
  /** What `before` noted (undefined when it had nothing or its read failed). */
  before: unknown;
  /** The failure that left the outcome open. */
  error: AikynetixError;
  /** When the write was started (ms since epoch). */
  startedAt: number;
  signal?: AbortSignal;
  /** The host's waiting, for the pauses between looks. */
  sleep: Sleep;
  /** When the call's overall deadline ends (ms since epoch; Infinity without one): looks stay inside it. */
  deadlineAt: number;
}

/** A look needs about this long; a later look that would not get it is not started. */
const MIN_LOOK_MS = 1500;

/**
 * Pauses before a look, within the call's deadline (a host such as Zapier ends the whole step at
 * its own limit). Returns the options for the look's reads (their deadline is what is left), or
 * undefined when a later look no longer fits. The first look (no pause) always runs.
 */
export async function beforeLook(ctx: Pick<RecoveryContext, 'sleep' | 'signal' | 'deadlineAt'>, pauseMs: number): Promise<CallOptions | undefined> {
  if (pauseMs > 0) {
    if (Date.now() + pauseMs + MIN_LOOK_MS > ctx.deadlineAt) return undefined;
    await hold(ctx.sleep, pauseMs, ctx.signal);
  }
  if (!Number.isFinite(ctx.deadlineAt)) return {};
  return { deadlineMs: Math.max(MIN_LOOK_MS, ctx.deadlineAt - Date.now()) };
}

/** How one kind of write finds out whether it took effect. */
export interface Recovery {
  /** Notes the state before sending (e.g. the athlete's newest session); failures are ignored. */
  before?(read: Reader, wire: Record<string, unknown>): Promise<unknown>;
  /** Returns the write's result marked `recovered: true`, or throws NotAppliedError / OutcomeUnknownError. */
  after(ctx: RecoveryContext): Promise<unknown>;
}

/** The recovery of a non-idempotent operation (undefined when it has none). */
export function recoveryFor(op: AnyOperation): Recovery | undefined {
  if (op.sideEffect === 'creates') return uploadRecovery;
  if (op.sideEffect === 'generates') return generateRecovery(op);
  return undefined;
}

/**
 * True when a write may or may not have taken effect: the request may have reached the server but
 * its answer was lost (5xx from a gateway, a connection broken after sending, a timeout, an
 * unreadable 2xx). 4xx answers and 429 are definitive: the server did not act.
 */
export function isOutcomeUnknown(err: AikynetixError): boolean {
  if (err instanceof ServerError || err instanceof TimeoutError || err instanceof ResponseParseError) return true;
  return err instanceof ConnectionError && !err.notSent;
}

/** A few words on how the answer was lost, for messages. */
export function describeLoss(err: AikynetixError): string {
  if (err instanceof ServerError) return `AIKYNETIX or a proxy answered HTTP ${err.status}`;
  if (err instanceof TimeoutError) return 'no answer came in time';
  if (err instanceof ResponseParseError) return `the answer (HTTP ${err.status}) arrived unreadable`;
  if (err instanceof ConnectionError) return `the connection broke before the answer arrived${err.code ? ` (${err.code})` : ''}`;
  return err.name;
}
