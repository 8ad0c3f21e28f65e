import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultState } from './state';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const HTML_502 = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

/**
 * Faults that happen before the handler (so no side effects): latency, 429, 5xx.
 * Returns true when the request was answered here.
 */
export async function applyPreFaults(faults: FaultState, request: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
  if (faults.empty) return false;
  const method = request.method;
  const latency = faults.latencyFor(method, path);
  if (latency > 0) await sleep(latency);
  const rate = faults.take('rateLimit', method, path);
  if (rate) {
    const seconds = rate.retryAfterSeconds ?? 1;
    // Not awaited: awaiting a reply waits for the response to finish (and rejects if the client left).
    reply.code(429).header('retry-after', String(seconds)).send({ error: `Too many requests; retry after ${seconds} s (simulated rate limit)` });
    return true;
  }
  const err = faults.take('serverError', method, path);
  if (err) {
    if (err.html) {
      reply.code(err.status ?? 502).type('text/html; charset=utf-8').send(HTML_502);
    } else {
      const status = err.status ?? 503;
      reply.code(status).send({ error: `Service temporarily unavailable (simulated ${status})` });
    }
    return true;
  }
  return false;
}

/**
 * Faults that happen after the handler ran (side effects done, response lost or damaged):
 * connection dropped after headers / mid-body, truncated JSON. Used as an onSend hook.
 */
export function applyPostFaults(faults: FaultState, request: FastifyRequest, reply: FastifyReply, payload: unknown, path: string): unknown {
  if (faults.empty || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
  const method = request.method;
  const drop = faults.take('drop', method, path);
  if (drop) {
    const full = Buffer.from(payload as string | Buffer);
    reply.header('content-length', String(full.length));
    const res = reply.raw;
    let started = false;
    // Fastify pipes this stream after setting the headers; destroying it makes fastify destroy the socket.
    return new Readable({
      read() {
        if (started) return;
        started = true;
        if (drop.after === 'partial-body') {
          this.push(full.subarray(0, Math.max(1, Math.floor(full.length / 2))));
        } else {
          res.flushHeaders();
        }
        setTimeout(() => this.destroy(new Error('simulated connection drop')), 20);
      },
    });
  }
  const trunc = faults.take('truncatedJson', method, path);
  if (trunc) {
    const full = Buffer.from(payload as string | Buffer);
    return full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
  }
  return payload;
}
