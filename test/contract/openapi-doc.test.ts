// Checks docs/openapi.json itself: a real OpenAPI 3.1 validator, the operation inventory the vendor
// pages define, the documented success codes, and every JSON Schema compiled with ajv (2020-12).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

const DOC_PATH = path.join(__dirname, '../../docs/openapi.json');
const doc: Json = JSON.parse(readFileSync(DOC_PATH, 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

interface Op { method: string; path: string; op: Json }
const ops: Op[] = Object.entries(doc.paths as Json).flatMap(([p, item]) =>
  Object.entries(item as Json)
    .filter(([m]) => METHODS.includes(m))
    .map(([m, op]) => ({ method: m.toUpperCase(), path: p, op: op as Json })),
);
const byId = (id: string): Op => {
  const found = ops.find((o) => o.op.operationId === id);
  if (!found) throw new Error(`operation ${id} missing`);
  return found;
};

// The operations listed in the vendor's API reference (its overview page), with the success code each page documents.
const EXPECTED: Array<[string, string, string, 200 | 201]> = [
  ['session-management_sessions_list', 'GET', '/session-management/sessions/', 200],
  ['session-management_sessions_by-ids_create', 'POST', '/session-management/sessions/by-ids/', 200],
  ['session-management_sessions_filter_list', 'GET', '/session-management/sessions/filter/', 200],
  ['session-management_sessions_update', 'PUT', '/session-management/sessions/{session_id}', 200],
  ['session-management_sessions_delete', 'DELETE', '/session-management/sessions/{session_id}', 200],
  ['session-management_sessions_analyzed-video_list', 'GET', '/session-management/sessions/{session_id}/analyzed-video/', 200],
  ['session-management_sessions_analyzed-video_create', 'POST', '/session-management/sessions/{session_id}/analyzed-video/', 200],
  ['running_sessions_create', 'POST', '/running/sessions/', 200],
  ['running_sessions_read', 'GET', '/running/sessions/{session_id}/', 200],
  ['running_sessions_summary_list', 'GET', '/running/sessions/{session_id}/summary/', 200],
  ['running_sessions_summary_create', 'POST', '/running/sessions/{session_id}/summary/', 201],
  ['running_sessions_export_list', 'GET', '/running/sessions/{session_id}/export/', 200],
  ['running_sessions_form-analysis_create', 'POST', '/running/sessions/{session_id}/form-analysis/', 200],
  ['running_sessions_metrics_total_list', 'GET', '/running/sessions/metrics/total/', 200],
  ['running_sessions_form-recommendations_create', 'POST', '/running/sessions/{session_id}/form-recommendations/', 201],
  ['running_sessions_gait-analysis_create', 'POST', '/running/sessions/{session_id}/gait-analysis/', 200],
  ['running_sessions_recommendation_create', 'POST', '/running/sessions/{session_id}/recommendation/', 201],
  ['jumping_sessions_read', 'GET', '/jumping/sessions/{session_id}/', 200],
  ['jumping_sessions_export_list', 'GET', '/jumping/sessions/{session_id}/export/', 200],
  ['weightlifting_sessions_read', 'GET', '/weightlifting/sessions/{session_id}/', 200],
  ['weightlifting_sessions_export_list', 'GET', '/weightlifting/sessions/{session_id}/export/', 200],
  ['weightlifting_sessions_lift-analysis_list', 'GET', '/weightlifting/sessions/{session_id}/lift-analysis/', 200],
];

/** Resolves a local `#/components/...` reference. */
function deref(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  return node.$ref.replace(/^#\//, '').split('/').reduce((acc: Json, k: string) => acc[k], doc);
}

/** Every schema object in the document: components, parameters, request and response bodies. */
function allSchemas(): Array<[string, Json]> {
  const out: Array<[string, Json]> = Object.entries(doc.components.schemas as Json).map(([n, s]) => [`#/components/schemas/${n}`, s as Json]);
  for (const { method, path: p, op } of ops) {
    for (const prm of op.parameters ?? []) out.push([`${method} ${p} param ${deref(prm).name}`, deref(prm).schema]);
    for (const [ct, media] of Object.entries(deref(op.requestBody ?? {}).content ?? {})) out.push([`${method} ${p} body ${ct}`, (media as Json).schema]);
    for (const [code, res] of Object.entries(op.responses as Json)) {
      for (const [ct, media] of Object.entries(deref(res as Json).content ?? {})) out.push([`${method} ${p} ${code} ${ct}`, (media as Json).schema]);
    }
  }
  return out;
}

/** Ajv 2020 instance holding the document's component schemas under `openapi.json#/$defs/`. */
function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true); // OpenAPI's file marker, no JSON Schema semantics
  ajv.addKeyword({ keyword: 'example' });
  const rewrite = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(rewrite)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) =>
        [k, k === '$ref' && typeof x === 'string' ? x.replace('#/components/schemas/', 'openapi.json#/$defs/') : rewrite(x)]))
        : v;
  ajv.addSchema({ $id: 'openapi.json', $defs: rewrite(doc.components.schemas) as Json });
  (ajv as any).rewriteRef = rewrite;
  return ajv;
}
const ajv = makeAjv();
const compile = (schema: Json) => ajv.compile((ajv as any).rewriteRef(schema));
const component = (name: string) => ajv.compile({ $ref: `openapi.json#/$defs/${name}` });

describe('docs/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document for @readme/openapi-parser', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc) as any);
    expect(result.valid ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator rejects a broken copy (duplicate operationId, missing path parameter)', async () => {
    const broken = structuredClone(doc);
    broken.paths['/running/sessions/{session_id}/'].get.operationId = 'running_sessions_create';
    broken.paths['/jumping/sessions/{session_id}/'].get.parameters = [];
    const result = await validate(broken as any);
    expect(result.valid).toBe(false);
    const text = result.valid ? '' : result.errors.map((e) => e.message).join('\n');
    expect(text).toMatch(/running_sessions_create/);
  });

  it('holds exactly the documented operations, each at its method and path', () => {
    expect(ops).toHaveLength(EXPECTED.length);
    const actual = ops.map((o) => [o.op.operationId, o.method, o.path]).sort();
    expect(actual).toEqual(EXPECTED.map(([id, m, p]) => [id, m, p]).sort());
  });

  it('has unique operationIds', () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_-]+$/);
  });

  it.each(EXPECTED)('%s answers %s %s with exactly the documented success code', (id, _m, _p, code) => {
    const success = Object.keys(byId(id).op.responses).filter((c) => c.startsWith('2'));
    expect(success).toEqual([String(code)]);
    expect(byId(id).op.responses[String(code)].content['application/json'].schema).toBeDefined();
  });

  it('every operation has a summary, a known tag and the error responses with an {error} body', () => {
    const areas = ['session-management', 'running', 'jumping', 'weightlifting'];
    for (const { op, path: p } of ops) {
      expect(op.summary).toEqual(expect.any(String));
      expect(op.tags).toHaveLength(1);
      expect(areas).toContain(op.tags[0]);
      expect(p.startsWith(op.tags[0] === 'session-management' ? '/session-management/' : `/${op.tags[0]}/`)).toBe(true);
      for (const code of ['400', '401', '403', '404', '429', '500']) {
        const res = deref(op.responses[code]);
        expect(deref(res.content['application/json'].schema).properties.error.type).toBe('string');
      }
      expect(deref(op.responses['429']).headers['Retry-After']).toBeDefined();
    }
  });

  it('uploads running sessions as multipart/form-data with a binary video part', () => {
    const body = byId('running_sessions_create').op.requestBody;
    expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
    const schema = deref(body.content['multipart/form-data'].schema);
    expect(schema.required).toEqual(expect.arrayContaining(['user_id', 'video']));
    expect(schema.properties.video).toMatchObject({ type: 'string', format: 'binary' });
    const form = compile(body.content['multipart/form-data'].schema);
    expect(form({ user_id: 'u1', video: 'bytes', body_joint_angles: 'elbow, knee, ankle', incline_degree: '5' })).toBe(true);
    expect(form({ user_id: 'u1', video: 'bytes', body_joint_angles: 'knee,toe' })).toBe(false);
    expect(form({ user_id: 'u1', video: 'bytes', incline_degree: 'steep' })).toBe(false);
    expect(form({ user_id: 'u1' })).toBe(false);
  });

  it('documents the three auth styles', () => {
    const s = doc.components.securitySchemes;
    expect(s.AuthorizationApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(s.ApiKeyAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'API-KEY' });
    expect(s.Bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security[0]).toEqual({ AuthorizationApiKey: [] });
  });

  it('compiles every schema with ajv 2020 (strict mode, formats)', () => {
    const schemas = allSchemas();
    expect(schemas.length).toBeGreaterThan(150);
    for (const [where, schema] of schemas) {
      expect(() => compile(schema)).not.toThrow();
      expect(where).toEqual(expect.any(String));
    }
  });

  it('keeps response schemas lenient: nothing forbids unknown fields', () => {
    const offenders: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      if ((node as Json).additionalProperties === false) offenders.push(at);
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    };
    for (const name of Object.keys(doc.components.schemas)) {
      if (!/Request$/.test(name)) walk(doc.components.schemas[name], name);
    }
    expect(offenders).toEqual([]);
    const filter = component('FilterResponse');
    expect(filter({ sessions: { a: { title: 'x', brand_new_field: 1 } }, first_doc_id: null, extra: true })).toBe(true);
    expect(filter({ query_count: 1 })).toBe(false);
  });

  it('accepts created_at as {date,time} object and as a date-time string', () => {
    const v = component('CreatedAtValue');
    expect(v({ date: '05/02/2025', time: '06:00 PM' })).toBe(true);
    expect(v('2025-02-05T18:00:00')).toBe(true);
    expect(v({ date: '2025-02-05', time: '18:00' })).toBe(false);
    expect(v(12)).toBe(false);
  });

  it('constrains request parameters strictly', () => {
    const param = (id: string, name: string) =>
      compile(deref(byId(id).op.parameters.map(deref).find((x: Json) => x.name === name)).schema);
    const filter = 'session-management_sessions_filter_list';
    expect(param(filter, 'start_date')('05/02/2025')).toBe(true);
    expect(param(filter, 'start_date')('2025-02-05')).toBe(false);
    expect(param(filter, 'end_date')('32/01/2025')).toBe(false);
    expect(param(filter, 'limit')(1)).toBe(true);
    expect(param(filter, 'limit')(0)).toBe(false);
    expect(param(filter, 'video_status')('processed')).toBe(true);
    expect(param(filter, 'video_status')('Processed')).toBe(false);
    expect(param(filter, 'activity')('Vertical Jump')).toBe(true);
    expect(param(filter, 'activity')('running')).toBe(false);
    expect(param('running_sessions_summary_create', 'measurement_system')('imperial')).toBe(true);
    expect(param('running_sessions_summary_create', 'measurement_system')('si')).toBe(false);
    const id = param('running_sessions_read', 'session_id');
    expect(id('abc123XYZ')).toBe(true);
    for (const bad of ['', ' ', 'a/b', '..', 'a?b', 'a#b', 'x'.repeat(10240)]) expect(id(bad)).toBe(false);
    const update = compile(byId('session-management_sessions_update').op.requestBody.content['application/json'].schema);
    expect(update({ created_at: '2025-02-05 18:00:00' })).toBe(true);
    expect(update({ created_at: '05/02/2025 06:00 PM' })).toBe(false);
    expect(update({ title: 'x', colour: 'red' })).toBe(false);
  });
});
