import type { FastifyInstance } from 'fastify';
import { GAIT_COMMENT_KEYS } from '../data/genai';
import { gaitAnalysis, formAnalysis, type ReportAccount } from '../data/reports';
import { runningExportJson } from '../data/export-cache';
import { runningDetails } from '../data/running';
import { runningSummary, totalMetrics } from '../data/summary';
import { notFound } from '../http/errors';
import { dataContext, type Sim } from '../sim';
import type { SessionRecord } from '../store/types';
import { statusOf } from '../store/types';
import { createdAtObject } from '../util/dates';
import { threadId } from '../util/ids';
import { createRunningSession } from './upload';
import { requireProcessed, sessionFor, sessionOrDemo } from './session-lookup';
import { route } from './route';

const SUMMARY_BLOCKS = ['performance_metrics', 'running_mechanics', 'balance_and_posture', 'distance_and_duration', 'final_summary'];
const FORM_BLOCKS = ['contact_angle', 'push_angle', 'knee_ankle', 'general_form_recommendation'];

function idOf(params: unknown): string {
  return (params as { session_id: string }).session_id;
}

/** Account facts the reports mention (session count, newest session date). */
function account(sim: Sim, s: SessionRecord): ReportAccount {
  const mine = sim.store.list().filter((x) => x.userId === s.userId);
  const newest = mine[0] ?? s;
  return { sessionCount: Math.max(1, mine.length), lastSessionDate: createdAtObject(newest.createdAt).date };
}

/** Thread ids for GenAI blocks; stable per session, kind and request time. */
function threads(s: SessionRecord, kind: string, blocks: readonly string[], at: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of blocks) out[b] = threadId(`${s.id}:${kind}:${b}:${at}`);
  return out;
}

/** Running routes: upload, details, summary, export, reports, GenAI generation, total metrics. */
export function runningRoutes(app: FastifyInstance, sim: Sim): void {
  route(app, sim, 'POST', '/running/sessions/', 'running_sessions_create', async (request) => createRunningSession(sim, request), { aliases: ['/running/management/sessions/'] });

  route(app, sim, 'GET', '/running/sessions/metrics/total/', 'running_sessions_metrics_total_list', async () => {
    const now = Date.now();
    const processed = sim.store.list().filter((s) => s.activity === 'Running' && statusOf(s, now) === 'Processed');
    if (processed.length === 0) throw notFound('No processed running sessions found; metrics unavailable');
    return totalMetrics(processed);
  });

  route(app, sim, 'GET', '/running/sessions/{session_id}/', 'running_sessions_read', async (request) => {
    const s = sessionOrDemo(sim, request, idOf(request.params), 'Running');
    return runningDetails(s, dataContext(sim, request));
  });

  route(app, sim, 'GET', '/running/sessions/{session_id}/summary/', 'running_sessions_summary_list', async (request) => {
    const s = sessionOrDemo(sim, request, idOf(request.params), 'Running');
    requireProcessed(s);
    return runningSummary(s, dataContext(sim, request));
  });

  route(app, sim, 'POST', '/running/sessions/{session_id}/summary/', 'running_sessions_summary_create', async (request) => {
    const s = sessionFor(sim, idOf(request.params), 'Running');
    requireProcessed(s);
    const q = request.query as { measurement_system?: 'metric' | 'imperial' };
    const at = new Date().toISOString();
    sim.store.update(s.id, { summaryRequestedAt: at, measurementSystem: q.measurement_system ?? 'metric' });
    return threads(s, 'summary', SUMMARY_BLOCKS, at);
  }, { status: 201 });

  route(app, sim, 'GET', '/running/sessions/{session_id}/export/', 'running_sessions_export_list', async (request, reply) => {
    const s = sessionOrDemo(sim, request, idOf(request.params), 'Running');
    requireProcessed(s);
    reply.type('application/json; charset=utf-8');
    return runningExportJson(s);
  });

  route(app, sim, 'POST', '/running/sessions/{session_id}/form-analysis/', 'running_sessions_form-analysis_create', async (request) => {
    const s = sessionOrDemo(sim, request, idOf(request.params), 'Running');
    requireProcessed(s);
    return formAnalysis(s, dataContext(sim, request), account(sim, s));
  });

  route(app, sim, 'POST', '/running/sessions/{session_id}/form-recommendations/', 'running_sessions_form-recommendations_create', async (request) => {
    const s = sessionFor(sim, idOf(request.params), 'Running');
    requireProcessed(s);
    const at = new Date().toISOString();
    sim.store.update(s.id, { formRecommendationsAt: at });
    return threads(s, 'form', FORM_BLOCKS, at);
  }, { status: 201 });

  route(app, sim, 'POST', '/running/sessions/{session_id}/gait-analysis/', 'running_sessions_gait-analysis_create', async (request) => {
    const s = sessionOrDemo(sim, request, idOf(request.params), 'Running');
    requireProcessed(s);
    return gaitAnalysis(s, dataContext(sim, request), account(sim, s));
  });

  route(app, sim, 'POST', '/running/sessions/{session_id}/recommendation/', 'running_sessions_recommendation_create', async (request) => {
    const s = sessionFor(sim, idOf(request.params), 'Running');
    requireProcessed(s);
    const at = new Date().toISOString();
    sim.store.update(s.id, { gaitRecommendationsAt: at });
    return threads(s, 'gait', GAIT_COMMENT_KEYS, at);
  }, { status: 201 });
}
