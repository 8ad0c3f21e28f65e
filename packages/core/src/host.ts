/**
 * Host entry point, for hosts that inject what is host-specific (n8n): the HTTP transport and
 * waiting (`sleep`). It contains no networking library, no timers, no file system access and no
 * Node streams, so n8n's community-package scan accepts it when bundled.
 */
export * from './errors';
export * from './auth';
export { DEFAULT_BASE_URL, isLoopbackHost, normalizeBaseUrl, type ClientOptions } from './config';
export { Aikynetix, type Namespace, type SessionHelpers } from './client';
export type { CallOptions } from './http/context';
export { iterateSessions, MAX_PAGE_SIZE, type IterateParams, type ListedSession } from './pagination';
export type { Transport, TransportBody, TransportRequest, TransportResponse } from './transport/types';
export { afterDelay, pause, resolveSleep, setDefaultSleep, type Sleep } from './timing/sleep';
export type { Logger } from './util/logger';
export { redactHeaders, redactUrlCredentials, scrub } from './util/redact';
export * from './registry';
export * from './schemas';
export * from './polling';
export * from './feed';
export * from './upload';
