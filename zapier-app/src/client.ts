import { Aikynetix } from '@aikynetix/core/host';
import { nodeSleep } from '@aikynetix/core/node';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { connectionOf } from './settings';
import { zapierTransport } from './transport';

/**
 * Zapier stops a step after 30 s: every call (retries and Retry-After pauses included) must be
 * over well before that, so the step can still report a useful error.
 */
export const STEP_DEADLINE_MS = 25_000;

/** A core client whose requests all go through z.request (auth added by the middleware). */
export function clientFor(z: ZObject, bundle: Bundle): Aikynetix {
  const conn = connectionOf(bundle);
  return new Aikynetix({
    auth: conn.authStyle,
    baseUrl: conn.baseUrl,
    transport: zapierTransport(z),
    // Zapier runs on Node: its timers do the waiting (retry pauses, timeouts)
    sleep: nodeSleep,
    timeoutMs: STEP_DEADLINE_MS,
    uploadTimeoutMs: STEP_DEADLINE_MS,
    deadlineMs: STEP_DEADLINE_MS,
    maxRetries: 2,
    // the middleware adds the key, so tell the core which value to scrub from error messages
    redact: [conn.apiKey],
  });
}
