/**
 * Contract: every request the core client builds for every registry operation matches
 * docs/openapi.json — method, path template, path/query parameters, body schema and content type.
 * The transport here records what the client would put on the wire and answers 200 `{}`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dereference } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Aikynetix, operations, type TransportRequest } from '@aikynetix/core';

const SAMPLE_VIDEO = readFileSync(join(__dirname, '../../shared/fixtures/sample-run.mp4'));

/** One realistic input per operation (required fields plus the optional ones worth covering). */
const SAMPLE_INPUTS: Record<string, Record<string, unknown>> = {
  'sessions.listAll': {},
  'sessions.getByIds': { session_ids: ['AbCdEfGhIj0123456789', 'ZyXwVuTsRq9876543210'] },
  'sessions.filter': { limit: 20, activity: 'Running', start_date: '2025-02-01', end_date: '28/02/2025', title: 'tempo', user_id: 'u1', uploaded_by: 'coach1', video_status: 'Processed' },
  'sessions.update': { session_id: 'AbCdEfGhIj0123456789', title: 'Tempo run', created_at: '2025-02-05 18:00:00' },
  'sessions.delete': { session_id: 'AbCdEfGhIj0123456789' },
  'sessions.getAnalyzedVideo': { session_id: 'AbCdEfGhIj0123456789', is_jump: false, is_weight: false, download: true },
  'sessions.generateAnalyzedVideo': { session_id: 'AbCdEfGhIj0123456789', is_jump: true, is_weight: false },
  'running.createSession': { user_id: 'athlete_1', video: SAMPLE_VIDEO, session_name: 'Tempo', incline_degree: 2.5, body_joint_angles: ['knee', 'ankle'] },
  'running.getTotalMetrics': {},
  'running.generateSummary': { session_id: 'AbCdEfGhIj0123456789', measurement_system: 'imperial' },
};
const DEFAULT_INPUT = { session_id: 'AbCdEfGhIj0123456789' };

type Doc = { paths: Record<string, Record<string, OpenApiOperation>> };
type Param = { name: string; in: string; required?: boolean; schema: object };
type OpenApiOperation = {
  operationId: string;
  parameters?: Param[];
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
};

let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  doc = (await dereference(JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')))) as unknown as Doc;
});

async function collect(body: TransportRequest['body']): Promise<Buffer> {
  if (body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  const re = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  const m = re.exec(pathname);
  return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) : undefined;
}

function check(schema: object, value: unknown, where: string) {
  const validate = ajv.compile(schema);
  if (!validate(value)) throw new Error(`${where}: ${ajv.errorsText(validate.errors)} (value ${JSON.stringify(value)})`);
}

describe.each(operations.map((op) => [op.id, op] as const))('%s', (id, op) => {
  it('builds a request the OpenAPI document accepts', async () => {
    const sent: TransportRequest[] = [];
    const wireBodies: Buffer[] = [];
    const client = new Aikynetix({
      apiKey: 'contract-key',
      baseUrl: 'https://api.aikynetix.app',
      maxRetries: 0,
      transport: {
        async send(req) {
          sent.push(req);
          wireBodies.push(await collect(req.body));
          // (an upload's answer carries its session id; without it the core would go and look for the session)
          const body = req.operationId === 'running.createSession' ? '{"session_id":"contract-session"}' : '{}';
          return { status: op.successStatus, headers: { 'content-type': 'application/json' }, body };
        },
      },
    });
    await client.call(id as never, (SAMPLE_INPUTS[id] ?? { ...DEFAULT_INPUT, ...('demo' in op.input.shape ? { demo: true } : {}) }) as never).catch(() => undefined);
    // An upload first notes the athlete's newest sessions (a read checked under sessions.filter).
    const own = sent.filter((r) => r.operationId === id);
    expect(own).toHaveLength(1);
    expect(sent.length - own.length).toBe(id === 'running.createSession' ? 1 : 0);
    const req = own[0];
    const url = new URL(req.url);

    const entry = Object.entries(doc.paths)
      .map(([template, ops]) => ({ template, spec: ops[req.method.toLowerCase()], params: matchPath(template, url.pathname) }))
      .find((e) => e.spec && e.params);
    expect(entry?.spec.operationId).toBe(op.openapiId);
    const spec = entry!.spec;

    const declared = spec.parameters ?? [];
    for (const p of declared.filter((x) => x.in === 'path')) check(p.schema, entry!.params![p.name], `path ${p.name}`);
    for (const [name, value] of url.searchParams) {
      const p = declared.find((x) => x.in === 'query' && x.name === name);
      if (!p) throw new Error(`query parameter ${name} is not in the document`);
      const typed = (p.schema as { type?: string }).type;
      const coerced = typed === 'integer' || typed === 'number' ? Number(value) : typed === 'boolean' ? value === 'true' : value;
      check(p.schema, coerced, `query ${name}`);
    }
    for (const p of declared.filter((x) => x.in === 'query' && x.required)) expect(url.searchParams.has(p.name)).toBe(true);

    const contentType = req.headers['content-type'];
    const body = wireBodies[sent.indexOf(req)];
    if (!spec.requestBody) {
      expect(body.length).toBe(0);
      return;
    }
    const mediaType = contentType?.split(';')[0];
    expect(Object.keys(spec.requestBody.content)).toContain(mediaType);
    const schema = spec.requestBody.content[mediaType!].schema;
    if (mediaType === 'application/json') {
      check(schema, JSON.parse(body.toString('utf8')), 'json body');
    } else {
      const form = await new Response(body, { headers: { 'content-type': contentType! } }).formData();
      const fields: Record<string, unknown> = {};
      for (const [k, v] of form.entries()) fields[k] = typeof v === 'string' ? v : '<binary>';
      check(schema, fields, 'multipart body');
      const video = form.get('video') as File;
      expect(Buffer.from(await video.arrayBuffer()).equals(SAMPLE_VIDEO)).toBe(true);
      expect(Number(req.headers['content-length'])).toBe(body.length);
    }
  });
});
