import { AikynetixError, NotFoundError } from '../errors';
import { getOperation } from '../registry';
import type { AnyOperation } from '../registry/types';
import { validateInput } from '../registry/validate';
import type { CallOptions, ExecContext } from './context';
import { explainNotFound, mayExplain } from './explainNotFound';
import { isOutcomeUnknown, recoveryFor, type Reader } from './recover';
import { prepareRequest } from './request';
import { sendWithRetries } from './send';

export type { CallOptions, ExecContext } from './context';

/**
 * Validate, send (with retries where safe), classify and parse one operation call. A 404 about a
 * session that exists (another activity's, or not processed yet) says so (one extra lookup). When a write's
 * answer is lost, read-only checks find out whether it took effect: the result (marked
 * `recovered: true`), a NotAppliedError (retry is safe) or an OutcomeUnknownError (do not retry blindly).
 */
export async function executeOperation(
  ctx: ExecContext,
  op: AnyOperation,
  input: unknown,
  options: CallOptions = {},
  explain = true,
): Promise<unknown> {
  const wire = validateInput(op, input ?? {}) as Record<string, unknown>;
  const prepared = prepareRequest(ctx.config, op, wire, { download: options.download, onProgress: options.onUploadProgress });
  await prepared.precheck?.();
  // Reads made on the call's behalf: same client, same cancellation, no upload hooks, no explaining.
  const read: Reader = (id, readInput, readOptions = {}) =>
    executeOperation(ctx, getOperation(id), readInput, { signal: options.signal, ...readOptions }, false);
  const explained = async (err: unknown): Promise<unknown> => {
    if (!explain || !(err instanceof NotFoundError) || !mayExplain(op, wire)) return err;
    return explainNotFound(read, op, err, wire.session_id as string, options.signal);
  };
  const recovery = op.idempotent ? undefined : recoveryFor(op);
  if (!recovery) {
    try {
      return await sendWithRetries(ctx, op, prepared, options);
    } catch (err) {
      throw await explained(err);
    }
  }

  const startedAt = Date.now();
  const before = await recovery.before?.(read, wire).catch(() => undefined);
  try {
    return await sendWithRetries(ctx, op, prepared, options);
  } catch (err) {
    if (!(err instanceof AikynetixError) || !isOutcomeUnknown(err)) throw await explained(err);
    ctx.logger.warn?.(`${op.id}: answer lost (${err.name}); checking whether it took effect`, { operationId: op.id });
    const deadlineMs = options.deadlineMs ?? ctx.config.deadlineMs;
    const deadlineAt = deadlineMs === undefined ? Infinity : startedAt + deadlineMs;
    return recovery.after({ read, op, wire, before, error: err, startedAt, signal: options.signal, sleep: ctx.sleep, deadlineAt });
  }
}
