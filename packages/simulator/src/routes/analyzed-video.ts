import type { FastifyInstance } from 'fastify';
import { urls } from '../data/context';
import { demoSession } from '../data/demo';
import { badRequest } from '../http/errors';
import { dataContext, type Sim } from '../sim';
import { requireProcessed, sessionFor } from './session-lookup';
import { route } from './route';

const DOC_PATH = '/session-management/sessions/{session_id}/analyzed-video/';

/**
 * Analyzed video: GET returns the URL, generating the video on first request (as the page says);
 * POST generates it and answers 400 when it already exists. The URL points at the simulator's own
 * `/__sim/videos/<id>/analyzed.mp4`, which streams the uploaded file back; `download=true` adds
 * `?download=true` to that URL, which makes the media route send `Content-Disposition: attachment`.
 */
export function analyzedVideoRoutes(app: FastifyInstance, sim: Sim): void {
  route(app, sim, 'GET', DOC_PATH, 'session-management_sessions_analyzed-video_list', async (request) => {
    const id = (request.params as { session_id: string }).session_id;
    const q = request.query as { download?: boolean | string; demo?: boolean | string };
    const demo = q.demo === true || q.demo === 'true';
    const s = demo ? demoSession('Running') : sessionFor(sim, id);
    requireProcessed(s);
    if (!s.analyzedVideoAt && !demo) sim.store.update(s.id, { analyzedVideoAt: new Date().toISOString() });
    const download = q.download === true || q.download === 'true';
    return { analyzed_video_url: urls.analyzed(dataContext(sim, request), s.id, download) };
  });

  route(app, sim, 'POST', DOC_PATH, 'session-management_sessions_analyzed-video_create', async (request) => {
    const id = (request.params as { session_id: string }).session_id;
    const s = sessionFor(sim, id);
    requireProcessed(s);
    if (s.analyzedVideoAt) throw badRequest(`Session '${id}' already has an analyzed video; GET it instead`);
    sim.store.update(s.id, { analyzedVideoAt: new Date().toISOString() });
    return { analyzed_video_url: urls.analyzed(dataContext(sim, request), s.id) };
  });
}
