import type { FastifyInstance } from 'fastify';
import { byIdsEntry, listEntry } from '../data/list';
import { badRequest, notFound } from '../http/errors';
import { dataContext, type Sim } from '../sim';
import { filterSessions, type FilterQuery } from '../store/query';
import { parseUpdateDate } from '../util/dates';
import { sessionFor } from './session-lookup';
import { route } from './route';

/** Session-management routes: list, filter, by-ids, update, delete. */
export function sessionRoutes(app: FastifyInstance, sim: Sim): void {
  route(app, sim, 'GET', '/session-management/sessions/', 'session-management_sessions_list', async (request) => {
    const all = sim.store.list();
    if (all.length === 0) throw notFound('No sessions found');
    const ctx = dataContext(sim, request);
    const sessions: Record<string, unknown> = {};
    for (const s of all) sessions[s.id] = listEntry(s, ctx);
    return { sessions };
  });

  route(app, sim, 'GET', '/session-management/sessions/filter/', 'session-management_sessions_filter_list', async (request) => {
    const page = filterSessions(sim.store.list(), request.query as FilterQuery);
    if (page.sessions.length === 0) throw notFound('No matching sessions found');
    const ctx = dataContext(sim, request);
    const sessions: Record<string, unknown> = {};
    for (const s of page.sessions) sessions[s.id] = listEntry(s, ctx);
    return {
      query_count: page.queryCount,
      sessions,
      first_doc_id: page.sessions[0].id,
      last_doc_id: page.sessions[page.sessions.length - 1].id,
    };
  });

  route(app, sim, 'POST', '/session-management/sessions/by-ids/', 'session-management_sessions_by-ids_create', async (request) => {
    const body = request.body as { session_ids?: unknown };
    const ids = body?.session_ids;
    if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) throw badRequest('session_ids must be an array of session id strings');
    if (ids.length > 500) throw badRequest(`session_ids may hold at most 500 ids (got ${ids.length})`);
    const ctx = dataContext(sim, request);
    const sessions: Record<string, unknown> = {};
    for (const id of ids as string[]) {
      const s = sim.store.get(id);
      if (s) sessions[id] = byIdsEntry(s, ctx); // unknown ids are simply absent, like a Firestore getAll
    }
    return { sessions };
  });

  route(app, sim, 'PUT', '/session-management/sessions/{session_id}', 'session-management_sessions_update', async (request) => {
    const { session_id: id } = request.params as { session_id: string };
    const body = (request.body ?? {}) as { title?: unknown; created_at?: unknown };
    sessionFor(sim, id);
    const patch: { title?: string; createdAt?: string } = {};
    if (body.title !== undefined) {
      if (typeof body.title !== 'string' || !body.title.trim()) throw badRequest('title must be a non-empty string');
      patch.title = body.title.trim();
    }
    if (body.created_at !== undefined) {
      const iso = typeof body.created_at === 'string' ? parseUpdateDate(body.created_at) : undefined;
      if (!iso) throw badRequest(`created_at must be 'YYYY-MM-DD HH:MM:SS', got ${JSON.stringify(body.created_at)}`);
      patch.createdAt = iso;
    }
    if (patch.title === undefined && patch.createdAt === undefined) throw badRequest('Nothing to update: send title and/or created_at');
    sim.store.update(id, patch);
    return { success: `Session ${id} updated` };
  });

  route(app, sim, 'DELETE', '/session-management/sessions/{session_id}', 'session-management_sessions_delete', async (request) => {
    const { session_id: id } = request.params as { session_id: string };
    if (!(await sim.store.delete(id))) throw notFound(`Session '${id}' not found`);
    return { success: `Session ${id} deleted` };
  });
}
