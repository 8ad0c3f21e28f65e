import { createReadStream, promises as fs } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { DEMO_IDS } from '../data/demo';
import { TINY_PNG, tinyMp4 } from '../data/media';
import { HttpError, notFound } from '../http/errors';
import type { Sim } from '../sim';

const DEMO = new Set<string>(Object.values(DEMO_IDS));
const BUILTIN_MP4 = tinyMp4();

/** A single `bytes=` range (resumed downloads, video players); multi-range is answered in full. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2])); // suffix range: the last N bytes
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/**
 * Media the simulator serves itself (no API key, like signed storage URLs):
 * `/__sim/videos/<id>/original.mp4` and `/analyzed.mp4` stream the uploaded file back
 * (a tiny built-in MP4 for seeded/demo sessions); `?download=true` adds Content-Disposition: attachment;
 * single byte ranges are honoured (206) for uploaded files.
 * `/__sim/images/<id>/<name>.png` is a 1x1 PNG.
 */
export function mediaRoutes(app: FastifyInstance, sim: Sim): void {
  app.get('/__sim/videos/:id/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    if (file !== 'original.mp4' && file !== 'analyzed.mp4') throw notFound(`No such video '${file}' (use original.mp4 or analyzed.mp4)`);
    const s = sim.store.get(id);
    if (!s && !DEMO.has(id)) throw notFound(`Session '${id}' not found`);
    const q = request.query as { download?: string };
    if (q.download === 'true') reply.header('content-disposition', `attachment; filename="${id}-${file}"`);
    reply.type(s?.video?.contentType && s.video.contentType !== 'application/octet-stream' ? s.video.contentType : 'video/mp4');
    reply.header('accept-ranges', 'bytes');
    if (s?.video) {
      const filePath = sim.store.videoPath(s.video.file);
      const stat = await fs.stat(filePath).catch(() => undefined);
      if (!stat) throw notFound(`The video file of session '${id}' is missing`);
      const range = parseRange(request.headers.range, stat.size);
      if (range === 'invalid') throw new HttpError(416, `Range not satisfiable (size ${stat.size})`, { 'content-range': `bytes */${stat.size}` });
      if (range) {
        reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${stat.size}`);
        reply.header('content-length', String(range.end - range.start + 1));
        return reply.send(createReadStream(filePath, { start: range.start, end: range.end }));
      }
      reply.header('content-length', String(stat.size));
      return reply.send(createReadStream(filePath));
    }
    return reply.send(BUILTIN_MP4);
  });

  app.get('/__sim/images/:id/:file', async (_request, reply) => reply.type('image/png').send(TINY_PNG));
}
