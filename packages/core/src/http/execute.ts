import { AikynetixError } from '../errors';
import { getOperation } from '../registry';
import type { AnyOperation } from '../registry/types';
import { validateInput } from '../registry/validate';
import type { CallOptions, ExecContext } from './context';
import { isOutcomeUnknown, recoveryFor, type Reader } from './recover';
import { prepareRequest } from './request';
import { sendWithRetries } from './send';

export type { CallOptions, ExecContext } from './context';

/**
 * Validate, send (with retries where safe), classify and parse one operation call. When a write's
 * answer is lost, read-only checks find out whether it took effect: the result (marked
 * `recovered: true`), a NotAppliedError (retry is safe) or an OutcomeUnknownError (do not retry blindly).
 */
export async function executeOperation(
  ctx: ExecContext,
  op: AnyOperation,
  input: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  const wire = validateInput(op, input ?? {}) as Record<string, unknown>;
  const prepared = prepareRequest(ctx.config, op, wire, { download: options.download, onProgress: options.onUploadProgress });
  await prepared.precheck?.();
  const recovery = op.idempotent ? undefined : recoveryFor(op);
  if (!recovery) return sendWithRetries(ctx, op, prepared, options);

  // Reads made on the write's behalf: same client, same cancellation, no upload hooks.
  const read: Reader = (id, readInput, readOptions = {}) =>
    executeOperation(ctx, getOperation(id), readInput, { signal: options.signal, ...readOptions });
  const startedAt = Date.now();
  const before = await recovery.before?.(read, wire).catch(() => undefined);
  try {
    return await sendWithRetries(ctx, op, prepared, options);
  } catch (err) {
    if (!(err instanceof AikynetixError) || !isOutcomeUnknown(err)) throw err;
    ctx.logger.warn?.(`${op.id}: answer lost (${err.name}); checking whether it took effect`, { operationId: op.id });
    return recovery.after({ read, op, wire, before, error: err, startedAt, signal: options.signal, sleep: ctx.sleep });
  }
}
