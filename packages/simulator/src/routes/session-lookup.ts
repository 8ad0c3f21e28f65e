import type { FastifyRequest } from 'fastify';
import { demoSession } from '../data/demo';
import { notFound } from '../http/errors';
import type { Sim } from '../sim';
import type { Activity, SessionRecord } from '../store/types';
import { statusOf } from '../store/types';

/** Whether the request asks for demo data (`demo=true`). */
export function isDemo(request: FastifyRequest): boolean {
  const q = request.query as Record<string, unknown> | undefined;
  return q?.demo === true || q?.demo === 'true';
}

/** The session in the path, checked for existence and activity (404 otherwise). */
export function sessionFor(sim: Sim, id: string, activity?: Activity): SessionRecord {
  const s = sim.store.get(id);
  if (!s) throw notFound(`Session '${id}' not found`);
  if (activity && s.activity !== activity) throw notFound(`Session '${id}' is a ${s.activity} session, not ${activity}`);
  return s;
}

/** Like sessionFor, or the demo session when `demo=true`. */
export function sessionOrDemo(sim: Sim, request: FastifyRequest, id: string, activity: 'Running' | 'Vertical Jump' | 'Weightlifting'): SessionRecord {
  return isDemo(request) ? demoSession(activity) : sessionFor(sim, id, activity);
}

/** Reports exist only for processed sessions: 404 naming the state otherwise. */
export function requireProcessed(s: SessionRecord, now = Date.now()): void {
  const status = statusOf(s, now);
  if (status === 'Processing') throw notFound(`Session '${s.id}' is still processing (video_status: Processing); try again once it is Processed`);
  if (status === 'Failed') throw notFound(`Session '${s.id}' failed processing (video_status: Failed): ${s.failureReason ?? 'unknown reason'}`);
}
