/**
 * Host entry point: everything but the default undici transport, for hosts that inject their own
 * HTTP client (n8n, Zapier). Bundling this entry pulls in no networking library.
 */
export * from './errors';
export * from './auth';
export { DEFAULT_BASE_URL, isLoopbackHost, normalizeBaseUrl, type ClientOptions } from './config';
export { Aikynetix, type Namespace, type SessionHelpers } from './client';
export type { CallOptions } from './http/execute';
export { iterateSessions, MAX_PAGE_SIZE, type IterateParams, type ListedSession } from './pagination';
export type { Transport, TransportBody, TransportRequest, TransportResponse } from './transport/types';
export { toNodeBody } from './transport/nodeBody';
export type { Logger } from './util/logger';
export { redactHeaders, scrub } from './util/redact';
export * from './registry';
export * from './schemas';
export * from './polling';
export * from './feed';
export * from './upload';
