import type { HttpMethod } from '../registry/types';
import type { ChunkRecycler } from '../upload/recycler';

/** A request body the transport must send as is. Streams are sent without buffering. */
export type TransportBody = string | Uint8Array | AsyncIterable<Uint8Array>;

/** What the core asks a host's HTTP client to send. URLs are absolute. */
export interface TransportRequest {
  method: HttpMethod;
  url: string;
  /** Lower-case header names. Auth headers are included only when the core owns the key. */
  headers: Record<string, string>;
  body?: TransportBody;
  /** Per-attempt timeout; the transport should abort the request after it. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Id of the registry operation, for host-side logging. */
  operationId?: string;
  /**
   * Present on uploads whose reader can refill one buffer. A transport that can tell when the bytes
   * it was given have left the process calls `recycler.attach`; any other transport ignores it.
   */
  recycler?: ChunkRecycler;
}

/** What a transport hands back: any status (never throw on 4xx/5xx), text body. */
export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/**
 * The one thing a host must provide: send a request, return the response whatever its status.
 * Network failures reject; the core classifies them (see errors/classify.ts).
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}
