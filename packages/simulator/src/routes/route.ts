import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Sim } from '../sim';

/** A handler returns the JSON body (or sends the reply itself and returns undefined). */
export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** `/a/{id}/` -> `/a/:id/` */
export function toFastifyPath(docPath: string): string {
  return docPath.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Registers one API operation. `docPath` is the OpenAPI path template: the global hooks use it
 * (through the route config) for auth, permissions and request validation.
 */
export function route(
  app: FastifyInstance,
  _sim: Sim,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  docPath: string,
  opId: string,
  handler: RouteHandler,
  opts: { status?: number; aliases?: string[] } = {},
): void {
  for (const p of [docPath, ...(opts.aliases ?? [])]) {
    app.route({
      method,
      url: toFastifyPath(p),
      config: { opId, docPath },
      handler: async (request, reply) => {
        const body = await handler(request, reply);
        if (reply.sent) return reply;
        return reply.code(opts.status ?? 200).send(body);
      },
    });
  }
}
