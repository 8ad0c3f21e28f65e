import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { keyFromHeaders } from './auth/keys';
import { PERMISSIONS } from './auth/permissions';
import { SimulatorControl } from './control';
import { applyPostFaults, applyPreFaults } from './faults/hooks';
import { HttpError } from './http/errors';
import { analyzedVideoRoutes } from './routes/analyzed-video';
import { controlRoutes } from './routes/control';
import { mediaRoutes } from './routes/media';
import { otherActivityRoutes } from './routes/other-activities';
import { runningRoutes } from './routes/running';
import { isDemo } from './routes/session-lookup';
import { sessionRoutes } from './routes/sessions';
import type { Sim } from './sim';

const NO_PLAN_MESSAGE = 'A valid payment plan (Pro, Premium, Enterprise or Standard) is required for this operation';

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Answers with `{ error }` (and never throws). */
function sendError(reply: FastifyReply, status: number, message: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).type('application/json; charset=utf-8').send({ error: message });
}

/** Authentication and the per-operation role checks of the reference pages. */
function authorise(sim: Sim, request: FastifyRequest, reply: FastifyReply, opId: string): boolean {
  const key = keyFromHeaders(request.headers);
  if (!key) {
    sendError(reply, 401, "Missing API key: send 'Authorization: API-KEY <key>' (or 'API-KEY: <key>', or 'Authorization: Bearer <key>')");
    return false;
  }
  const account = sim.keys.get(key);
  if (!account) {
    sendError(reply, 401, 'Invalid API key');
    return false;
  }
  request.account = account;
  const perm = PERMISSIONS[opId];
  if (perm?.admin && !account.isAdmin) {
    sendError(reply, 403, 'Admin privileges are required for this operation; this API key belongs to a non-admin user');
    return false;
  }
  if (perm?.plan && !account.hasPlan && !isDemo(request)) {
    const status = perm.noPlanStatus ?? 403;
    sendError(reply, status, status === 404 ? 'Session not found or user does not have a valid payment plan' : NO_PLAN_MESSAGE);
    return false;
  }
  return true;
}

/** Builds the fastify app with all routes and hooks (not listening yet). */
export function buildApp(sim: Sim, control: SimulatorControl): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { ignoreTrailingSlash: true },
    genReqId: () => randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    // Uploads can take minutes on slow links; never cut them off.
    requestTimeout: 0,
    connectionTimeout: 0,
    keepAliveTimeout: 65_000,
  });
  app.decorateRequest('account', null);

  // Multipart bodies are streamed by the upload handler itself (never buffered).
  app.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, undefined));
  // JSON: an empty body is allowed (several POSTs carry none), anything else must parse.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new HttpError(400, `Request body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
  // Bodies of other types (e.g. form-urlencoded) are ignored rather than rejected with 415.
  app.addContentTypeParser('*', (_req, payload, done) => {
    payload.resume();
    payload.on('end', () => done(null, undefined));
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const path = pathOf(request.url);
    if (path.startsWith('/__sim/')) return;
    const opId = request.routeOptions.config?.opId;
    sim.stats.count(`${request.method} ${request.routeOptions.url ?? 'unknown'}`);
    if (await applyPreFaults(sim.faults, request, reply, path)) return reply;
    if (!opId) return; // unknown route: the not-found handler answers
    if (!authorise(sim, request, reply, opId)) return reply;
  });

  app.addHook('preValidation', async (request, reply) => {
    const docPath = request.routeOptions.config?.docPath;
    if (!docPath || !sim.validator) return;
    const d = sim.validator.find(request.method, docPath);
    if (!d) return;
    const problem =
      sim.validator.checkParams(d, 'path', request.params as Record<string, unknown>) ??
      sim.validator.checkParams(d, 'query', request.query as Record<string, unknown>) ??
      (/^multipart\//i.test(request.headers['content-type'] ?? '') ? undefined : sim.validator.checkBody(d, request.body));
    if (problem) return sendError(reply, 400, problem);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (pathOf(request.url).startsWith('/__sim/')) return payload;
    return applyPostFaults(sim.faults, request, reply, payload, pathOf(request.url));
  });

  app.setErrorHandler((err: Error & { statusCode?: number; headers?: Record<string, string> }, request, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.status, err.message, err.headers);
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) sim.log.error(`${request.method} ${pathOf(request.url)} failed: ${err.stack ?? err.message}`);
    return sendError(reply, status, status >= 500 ? `Internal server error (request ${request.id})` : err.message);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, `No such endpoint: ${request.method} ${pathOf(request.url)}`));

  sessionRoutes(app, sim);
  analyzedVideoRoutes(app, sim);
  runningRoutes(app, sim);
  otherActivityRoutes(app, sim);
  mediaRoutes(app, sim);
  controlRoutes(app, control);
  return app;
}
