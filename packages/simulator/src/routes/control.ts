import type { FastifyInstance } from 'fastify';
import type { SimulatorControl } from '../control';
import { badRequest } from '../http/errors';
import type { SeedOptions } from '../store/seed';

/**
 * `/__sim/` control routes: no API key (they only exist on this local server).
 * GET/POST/DELETE /__sim/faults, POST /__sim/reset, GET /__sim/stats, POST /__sim/seed,
 * POST /__sim/settings, POST /__sim/sessions/:id/status.
 */
export function controlRoutes(app: FastifyInstance, control: SimulatorControl): void {
  app.get('/__sim/faults', async () => ({ faults: control.getFaults() }));
  app.post('/__sim/faults', async (request) => {
    const append = (request.query as { append?: string }).append === 'true';
    if (append) control.addFaults(request.body as never);
    else control.setFaults(request.body as never);
    return { faults: control.getFaults() };
  });
  app.delete('/__sim/faults', async () => {
    control.clearFaults();
    return { faults: [] };
  });
  app.post('/__sim/reset', async () => {
    await control.reset();
    return { ok: true };
  });
  app.get('/__sim/stats', async () => control.stats());
  app.post('/__sim/seed', async (request) => control.seed((request.body ?? {}) as SeedOptions));
  app.post('/__sim/settings', async (request) => {
    control.setDelays((request.body ?? {}) as { processingDelayMs?: number; genAiDelayMs?: number });
    const s = control.stats();
    return { processingDelayMs: s.processingDelayMs, genAiDelayMs: s.genAiDelayMs };
  });
  app.post('/__sim/sessions/:id/status', async (request) => {
    const { id } = request.params as { id: string };
    const body = (request.body ?? {}) as { video_status?: string; reason?: string };
    const status = body.video_status === 'Processed' || body.video_status === 'Failed' || body.video_status === 'Processing' ? body.video_status : undefined;
    if (!status) throw badRequest("video_status must be 'Processed', 'Failed' or 'Processing'");
    const s = control.setSessionStatus(id, status, body.reason);
    return { session_id: s.id, video_status: control.session(id)?.video_status };
  });
}
