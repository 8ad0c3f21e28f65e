import type { FastifyInstance } from 'fastify';
import { liftAnalysis, otherActivityData } from '../data/other-activities';
import { dataContext, type Sim } from '../sim';
import { statusOf } from '../store/types';
import { requireProcessed, sessionOrDemo } from './session-lookup';
import { route } from './route';

/** Jumping and weightlifting detail/export routes and the lift analysis. */
export function otherActivityRoutes(app: FastifyInstance, sim: Sim): void {
  for (const [prefix, activity, name] of [
    ['/jumping', 'Vertical Jump', 'jumping'],
    ['/weightlifting', 'Weightlifting', 'weightlifting'],
  ] as const) {
    route(app, sim, 'GET', `${prefix}/sessions/{session_id}/`, `${name}_sessions_read`, async (request) => {
      const s = sessionOrDemo(sim, request, (request.params as { session_id: string }).session_id, activity);
      const ctx = dataContext(sim, request);
      if (statusOf(s, ctx.now) !== 'Processed') requireProcessed(s, ctx.now);
      return otherActivityData(s, ctx, false);
    });
    route(app, sim, 'GET', `${prefix}/sessions/{session_id}/export/`, `${name}_sessions_export_list`, async (request) => {
      const s = sessionOrDemo(sim, request, (request.params as { session_id: string }).session_id, activity);
      requireProcessed(s);
      return otherActivityData(s, dataContext(sim, request), true);
    });
  }
  route(app, sim, 'GET', '/weightlifting/sessions/{session_id}/lift-analysis/', 'weightlifting_sessions_lift-analysis_list', async (request) => {
    const s = sessionOrDemo(sim, request, (request.params as { session_id: string }).session_id, 'Weightlifting');
    requireProcessed(s);
    return liftAnalysis(s, dataContext(sim, request));
  });
}
