import { type CallOptions as CoreCallOptions, NotFoundError } from '@aikynetix/core/host';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { clientFor } from './client';
import { guarded } from './errors';
import { inputFrom } from './fields';

/** An API result as a plain record (presenters pick what they need). */
export type ApiRecord = Record<string, unknown>;

interface CallOptions {
  /** Values set by the step itself (they win over input fields). */
  extra?: Record<string, unknown>;
  /** Input fields not sent to this operation. */
  omit?: string[];
  /** false: ignore the step's input fields entirely (dropdown helpers). */
  useInput?: boolean;
  /** Passed to the core's call (e.g. the upload's downloader). */
  core?: CoreCallOptions;
}

function inputOf(bundle: Bundle, operationId: string, opts: CallOptions): Record<string, unknown> {
  const fromStep = opts.useInput === false ? {} : inputFrom(operationId, bundle.inputData ?? {}, opts.omit);
  return { ...fromStep, ...opts.extra };
}

/**
 * Call one registry operation with the step's input fields, through z.request, with every
 * failure mapped to the matching Zapier error.
 */
export function callOperation(z: ZObject, bundle: Bundle, operationId: string, opts: CallOptions = {}): Promise<ApiRecord> {
  return guarded(z, bundle, async () => {
    const input = inputOf(bundle, operationId, opts);
    return (await clientFor(z, bundle).call(operationId, input, opts.core)) as ApiRecord;
  });
}

/**
 * For searches: a missing session is "nothing found" (null), so the zap can take its
 * "if nothing is found" path instead of erroring. A session that exists (the core checks) but is
 * of another activity, still processing or failed is no "nothing found": the step halts saying
 * which (errors.ts). Every other failure still throws.
 */
export function lookupOperation(
  z: ZObject,
  bundle: Bundle,
  operationId: string,
  opts: CallOptions = {},
): Promise<ApiRecord | null> {
  return guarded(z, bundle, async () => {
    const input = inputOf(bundle, operationId, opts);
    try {
      return (await clientFor(z, bundle).call(operationId, input, opts.core)) as ApiRecord;
    } catch (err) {
      if (!(err instanceof NotFoundError) || err.sessionActivity || err.sessionStatus) throw err;
      return null;
    }
  });
}

/** The session id the step was given (already validated by the core by the time it is used). */
export function sessionIdOf(bundle: Bundle): string {
  const v = (bundle.inputData as Record<string, unknown> | undefined)?.session_id;
  return typeof v === 'string' ? v.trim() : String(v ?? '');
}
