import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { getOperation, operations, validateInput, type AnyOperation } from '../src/registry';

/** Agreement with docs/openapi.json, the consolidated document the contract tests use. */
const doc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('binary', true);
ajv.addSchema({ ...doc, $id: 'openapi.json' });

const deref = <T>(x: T): T => {
  const ref = (x as { $ref?: string }).$ref;
  if (!ref) return x;
  return ref.slice(2).split('/').reduce((o: Record<string, unknown>, k) => o[k] as Record<string, unknown>, doc) as T;
};
type Param = { name: string; in: string; required?: boolean; schema: object };
type DocOp = { method: string; path: string; op: Record<string, any>; pointer: string };
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const byOperationId = new Map<string, DocOp>();
for (const [p, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (typeof op === 'object' && op && typeof op.operationId === 'string') {
      byOperationId.set(op.operationId, { method: method.toUpperCase(), path: p, op, pointer: `openapi.json#/paths/${esc(p)}/${method}` });
    }
  }
}
const required = (op: AnyOperation, key: string) => !(op.input.shape as Record<string, any>)[key].safeParse(undefined).success;

test('the document has exactly the registry operations', () => {
  expect([...byOperationId.keys()].sort()).toEqual(operations.map((o) => o.openapiId).sort());
});

test.each(operations.map((o) => [o.id, o] as const))('%s: method, path, success code, parameters, body fields', (_id, op) => {
  const found = byOperationId.get(op.openapiId)!;
  expect(found).toBeDefined();
  expect([found.method, found.path]).toEqual([op.method, op.path]);
  expect(Object.keys(found.op.responses).filter((c) => /^2\d\d$/.test(c))).toEqual([String(op.successStatus)]);
  const params = ((found.op.parameters ?? []) as object[]).map(deref) as Param[];
  const locations = op.in as Record<string, string>;
  const ours = Object.keys(locations).filter((k) => locations[k] === 'path' || locations[k] === 'query');
  expect(ours.map((k) => `${locations[k]}:${k}:${required(op, k)}`).sort()).toEqual(
    params.map((p) => `${p.in}:${p.name}:${p.required === true}`).sort(),
  );
  const bodyFields = Object.keys(locations).filter((k) => !ours.includes(k)).sort();
  const body = found.op.requestBody as { content: Record<string, { schema: object }> } | undefined;
  if (bodyFields.length === 0) return expect(body).toBeUndefined();
  const [type] = Object.keys(body!.content);
  expect(type).toBe(Object.values(locations).includes('json') ? 'application/json' : 'multipart/form-data');
  const schema = deref(body!.content[type].schema) as { properties: object; required?: string[] };
  expect(Object.keys(schema.properties).sort()).toEqual(bodyFields);
  expect(bodyFields.filter((k) => required(op, k))).toEqual([...(schema.required ?? [])].sort());
});

/** Inputs as hosts send them (loose forms on purpose); every one must validate into a documented request. */
const samples: Record<string, Record<string, unknown>> = {
  'sessions.listAll': {},
  'sessions.getByIds': { session_ids: 'Zb3kPq9XyT2mLw8RvN4c, a8Hq2ZrT5mNc0PvXy3Lk, Zb3kPq9XyT2mLw8RvN4c' },
  'sessions.filter': {
    // (a cursor with filters is refused up front: the API pages only unfiltered lists)
    limit: '25', activity: 'vertical jump',
    start_date: new Date(Date.UTC(2025, 0, 9, 22)), end_date: '2025-02-05T10:00:00Z', title: ' treadmill ', user_id: 'u1',
    uploaded_by: 'admin1', video_status: 'Processed',
  },
  'sessions.update': { session_id: ' Zb3kPq9XyT2mLw8RvN4c ', title: 'New title', created_at: '2025-02-05T18:00:00+01:00' },
  'sessions.delete': { session_id: 'Zb3kPq9XyT2mLw8RvN4c' },
  'sessions.getAnalyzedVideo': { session_id: 'Zb3kPq9XyT2mLw8RvN4c', is_jump: 'true', is_weight: false, download: 'FALSE' },
  'sessions.generateAnalyzedVideo': { session_id: 'Zb3kPq9XyT2mLw8RvN4c', is_jump: false, is_weight: 'true' },
  'running.createSession': { user_id: 'someUserId123', video: '/tmp/v.mp4', session_name: 'Custom Session', incline_degree: '5.5', body_joint_angles: ['Elbow', 'knee'] },
  'running.generateSummary': { session_id: 'Zb3kPq9XyT2mLw8RvN4c', measurement_system: 'Imperial' },
  'running.getTotalMetrics': {},
};
const sampleFor = (op: AnyOperation) => samples[op.id] ?? { session_id: 'Zb3kPq9XyT2mLw8RvN4c', ...('demo' in op.in ? { demo: 'true' } : {}) };

test.each(operations.map((o) => [o.id, o] as const))('%s: validated input is a documented request', (_id, op) => {
  const found = byOperationId.get(op.openapiId)!;
  const wire = validateInput(op, sampleFor(op)) as Record<string, unknown>;
  const locations = op.in as Record<string, string>;
  ((found.op.parameters ?? []) as object[]).forEach((raw, i) => {
    const p = deref(raw) as Param;
    if (wire[p.name] === undefined) return;
    const ref = (raw as { $ref?: string }).$ref;
    const validate = ajv.compile({ $ref: ref ? `openapi.json${ref}/schema` : `${found.pointer}/parameters/${i}/schema` });
    expect([p.name, validate(wire[p.name]), validate.errors ?? []]).toEqual([p.name, true, []]);
  });
  const bodyKeys = Object.keys(wire).filter((k) => !['path', 'query'].includes(locations[k]));
  if (bodyKeys.length === 0) return;
  // The client sends joints as one comma-separated form field (decision 3) and the file as binary.
  const body = Object.fromEntries(
    bodyKeys.map((k) => [k, locations[k] === 'file' ? 'binary' : Array.isArray(wire[k]) && locations[k] === 'form' ? (wire[k] as string[]).join(',') : wire[k]]),
  );
  const type = Object.keys(found.op.requestBody.content)[0];
  const validate = ajv.compile({ $ref: `${found.pointer}/requestBody/content/${esc(type)}/schema` });
  expect([validate(body), validate.errors ?? []]).toEqual([true, []]);
});

test('the harness rejects what the document forbids (so the checks above can fail)', () => {
  const id = ajv.compile({ $ref: 'openapi.json#/components/parameters/SessionId/schema' });
  expect([id('Zb3kPq9XyT2mLw8RvN4c'), id('a/b'), id('..')]).toEqual([true, false, false]);
  const ids = ajv.compile({ $ref: 'openapi.json#/components/schemas/ByIdsRequest' });
  expect(ids({ session_ids: ['a', 'a'] })).toBe(false);
});

test('sample wire values are the documented formats', () => {
  expect(validateInput(getOperation('sessions.filter'), samples['sessions.filter'])).toMatchObject({
    start_date: '09/01/2025', end_date: '05/02/2025', video_status: 'processed', activity: 'Vertical Jump', limit: 25, title: 'treadmill',
  });
  expect(validateInput(getOperation('sessions.filter'), { start_after_id: ' Zb3kPq9XyT2mLw8RvN4c ', limit: 5 })).toEqual({
    start_after_id: 'Zb3kPq9XyT2mLw8RvN4c', limit: 5,
  });
  expect(validateInput(getOperation('sessions.getByIds'), samples['sessions.getByIds'])).toEqual({
    session_ids: ['Zb3kPq9XyT2mLw8RvN4c', 'a8Hq2ZrT5mNc0PvXy3Lk'],
  });
});
