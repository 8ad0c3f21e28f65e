import { createReadStream, openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import path from 'node:path';
import { FormData, request } from 'undici';
import { loadOpenApi, OpenApiValidator, start, type Simulator, type StartOptions } from '../src/index';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures');
export const SAMPLE_VIDEO = path.join(FIXTURES, 'sample-run.mp4');
export const NOT_A_VIDEO = path.join(FIXTURES, 'not-a-video.txt');

const loaded = loadOpenApi();
if (!loaded) throw new Error('docs/openapi.json is required by the simulator tests');
/** Validator used by the tests (independent of the one inside the server). */
export const validator = new OpenApiValidator(loaded.doc);

/** Doc path templates as regexes, to find the operation of any request the tests make. */
const templates = validator.operations.map((o) => ({
  op: o,
  re: new RegExp(`^${o.path.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  statics: o.path.split('/').filter((s) => s && !s.startsWith('{')).length,
}));

/** The documented operation for a method and concrete path (static segments win, like the router). */
export function operationFor(method: string, urlPath: string): string | undefined {
  const p = urlPath.split('?')[0].replace('/running/management/sessions/', '/running/sessions/');
  const hits = templates.filter((t) => t.op.method === method.toUpperCase() && t.re.test(p)).sort((a, b) => b.statics - a.statics);
  return hits[0]?.op.operationId;
}

/** Statuses seen per operation (every test contributes; the contract test checks coverage). */
export const seen = new Map<string, Set<number>>();

export interface Res {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type KeyStyle = 'authorizationApiKey' | 'apiKeyHeader' | 'bearer';

export function authHeader(key: string, style: KeyStyle = 'authorizationApiKey'): Record<string, string> {
  if (style === 'apiKeyHeader') return { 'api-key': key };
  return { authorization: `${style === 'bearer' ? 'Bearer' : 'API-KEY'} ${key}` };
}

/**
 * Reads a response and, for API operations, validates its JSON body against docs/openapi.json
 * for that status: every API response any test receives is checked.
 */
export async function finish(method: string, urlPath: string, r: { statusCode: number; headers: Record<string, unknown>; body: { text(): Promise<string> } }, validate = true): Promise<Res> {
  const text = await r.body.text();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  let body: unknown;
  if ((headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
  const opId = urlPath.startsWith('/__sim/') ? undefined : operationFor(method, urlPath);
  if (validate && opId && body !== undefined) {
    const problems = validator.checkResponse(opId, r.statusCode, body);
    if (problems.length) throw new Error(`${method} ${urlPath} -> ${r.statusCode} does not match docs/openapi.json (${opId}):\n  ${problems.join('\n  ')}\nbody: ${text.slice(0, 500)}`);
    if (!seen.has(opId)) seen.set(opId, new Set());
    seen.get(opId)!.add(r.statusCode);
  }
  return { status: r.statusCode, headers, text, body };
}

export interface CallOptions {
  key?: string | null;
  style?: KeyStyle;
  query?: Record<string, string | number | boolean>;
  json?: unknown;
  headers?: Record<string, string>;
}

/** Calls the simulator like a client would (admin key, `Authorization: API-KEY` by default). */
export async function call(sim: Simulator, method: string, urlPath: string, o: CallOptions = {}): Promise<Res> {
  const key = o.key === undefined ? sim.apiKey : o.key;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(o.query ?? {})) params.append(k, String(v));
  const qs = o.query ? `?${params.toString()}` : '';
  const headers: Record<string, string> = { ...(key ? authHeader(key, o.style) : {}), ...(o.json !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers };
  const r = await request(`${sim.url}${urlPath}${qs}`, { method: method as 'GET', headers, body: o.json !== undefined ? JSON.stringify(o.json) : undefined });
  return finish(method, urlPath + qs, r);
}

export interface UploadOptions {
  key?: string;
  file?: string | Buffer | null;
  filename?: string;
  fields?: Array<[string, string]>;
  path?: string;
  /** Stream a file path with hand-made multipart framing and 1 MB chunks (instead of FormData). */
  stream?: boolean;
}

/**
 * Multipart body for a file on disk, streamed in 1 MB chunks with an exact Content-Length
 * (undici's FormData streams file Blobs too, but in small chunks: twice as slow for GB files).
 */
async function streamedForm(fields: Array<[string, string]>, file: string, filename: string): Promise<{ body: Readable; headers: Record<string, string> }> {
  const boundary = `----simtest${Date.now().toString(16)}`;
  const head = Buffer.from(
    fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="${filename}"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await stat(file)).size;
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    yield* createReadStream(file, { highWaterMark: 1 << 20 });
    yield tail;
  }
  return { body: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + size + tail.length) } };
}

/** Uploads a video with multipart/form-data through undici; files on disk are streamed. */
export async function upload(sim: Simulator, o: UploadOptions = {}): Promise<Res> {
  const urlPath = o.path ?? '/running/sessions/';
  if (o.stream && typeof o.file === 'string') {
    const { body, headers } = await streamedForm(o.fields ?? [['user_id', 'runner-1']], o.file, o.filename ?? 'run.mp4');
    const r = await request(`${sim.url}${urlPath}`, { method: 'POST', headers: { ...authHeader(o.key ?? sim.apiKey), ...headers }, body });
    return finish('POST', urlPath, r);
  }
  const form = new FormData();
  for (const [k, v] of o.fields ?? [['user_id', 'runner-1']]) form.append(k, v);
  const file = o.file === undefined ? SAMPLE_VIDEO : o.file;
  if (file !== null) {
    const blob = typeof file === 'string' ? await openAsBlob(file, { type: 'video/mp4' }) : new Blob([file], { type: 'video/mp4' });
    form.append('video', blob, o.filename ?? 'run.mp4');
  }
  const r = await request(`${sim.url}${urlPath}`, { method: 'POST', headers: authHeader(o.key ?? sim.apiKey), body: form });
  return finish('POST', urlPath, r);
}

/** Starts a simulator with fast delays for tests. */
export function startSim(options: StartOptions = {}): Promise<Simulator> {
  return start({ processingDelayMs: 150, genAiDelayMs: 100, ...options });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the session leaves Processing (via the control API). */
export async function waitProcessed(sim: Simulator, id: string, timeoutMs = 5000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = sim.control.session(id);
    if (s && s.video_status !== 'Processing') return s.video_status;
    if (Date.now() > end) throw new Error(`session ${id} still processing after ${timeoutMs} ms`);
    await sleep(25);
  }
}
