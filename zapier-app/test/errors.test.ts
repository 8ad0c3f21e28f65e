import nock from 'nock';
import { failureOf, ownMessage, payloadOf, run } from './support/app';
import { authFor } from './support/sim';

// Error paths a real server does not produce on demand: nock answers for a fake API host.
const BASE = 'https://api.aikynetix.test';
const KEY = 'sk_live_7f3a9c1e5b2d4f60';
const auth = authFor(BASE, KEY);
const SID = 'f3K9x2LmQp7RtVw8YzA1';
const GAIT = `/running/sessions/${SID}/gait-analysis/`;
const SUMMARY = `/running/sessions/${SID}/summary/`;

const gait = () => run('searches', 'gait_analysis_report', { authData: auth, inputData: { session_id: SID } });
const generate = () => run('creates', 'generate_summary', { authData: auth, inputData: { session_id: SID } });

describe('error mapping (nock)', () => {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  // nock patches Node's http module, which other test files in this worker share: undo it all.
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  /** Every failure: our part under 250 characters, and the key nowhere. */
  const clean = (err: { name: string; message: string }) => {
    expect(ownMessage(err).length).toBeLessThan(250);
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(err.message).not.toContain(KEY);
    return err;
  };

  it('401 (even one echoing the key) -> ExpiredAuthError, key scrubbed', async () => {
    nock(BASE).post(GAIT).reply(401, { error: `Invalid API key ${KEY}` });
    const err = clean(await failureOf(gait()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(ownMessage(err)).toContain('[redacted]');
    expect(ownMessage(err)).toMatch(/Check the API key/);
  });

  it('403 "no valid payment plan" -> z.errors.Error (misconfiguration: the Zap is reported) with the plan hint', async () => {
    nock(BASE).post(GAIT).reply(403, { error: 'User does not have a valid payment plan' });
    const err = clean(await failureOf(gait()));
    expect(err.name).toBe('AppError');
    expect(payloadOf(err)).toMatchObject({ code: 'NoPlanError', status: 403 });
    expect(ownMessage(err)).toMatch(/valid payment plan.*active AIKYNETIX plan/);
  });

  it('404 -> a search finds nothing; a create reports the status and the API message', async () => {
    nock(BASE).post(GAIT).reply(404, { error: 'Session not found' });
    await expect(gait()).resolves.toEqual([]);
    nock(BASE).post(SUMMARY).reply(404, { error: 'Session not found' });
    const err = clean(await failureOf(generate()));
    expect(payloadOf(err)).toMatchObject({ status: 404, code: 'NotFoundError' });
    expect(payloadOf(err).message).toMatch(/Generate Summary failed \(HTTP 404\): Session not found/);
  });

  it('429 with a long Retry-After -> ThrottledError carrying that delay (no waiting inside the step)', async () => {
    const scope = nock(BASE).post(GAIT).reply(429, { error: 'Too many requests' }, { 'Retry-After': '120' });
    const started = Date.now();
    const err = clean(await failureOf(gait()));
    expect(err.name).toBe('ThrottledError');
    expect(payloadOf(err).delay).toBe(120);
    expect(payloadOf(err).message).toMatch(/HTTP 429/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(scope.isDone()).toBe(true);
  });

  it('429 with a short Retry-After on a read is retried once and succeeds', async () => {
    nock(BASE).post(GAIT).reply(429, {}, { 'Retry-After': '1' }).post(GAIT).reply(200, { left: {}, right: {}, date: '05/02/2025' });
    const items = await gait();
    expect(items).toHaveLength(1);
    expect(items[0].date).toBe('2025-02-05');
  });

  it('500 on a read: retried, then a plain Zapier error with status 500', async () => {
    const scope = nock(BASE).post(GAIT).times(3).reply(500, { error: 'internal error' });
    const err = clean(await failureOf(gait()));
    expect(scope.isDone()).toBe(true); // 1 attempt + 2 retries
    expect(payloadOf(err)).toMatchObject({ status: 500, code: 'ServerError' });
    expect(payloadOf(err).message).toMatch(/try again in a few minutes/);
  }, 20_000);

  it('500 on Generate Summary (not idempotent) is sent exactly once; a read finds the text: recovered', async () => {
    const first = nock(BASE).post(SUMMARY).reply(500, { error: 'boom' });
    const second = nock(BASE).post(SUMMARY).reply(201, { final_summary: 'thread_x' });
    nock(BASE).get(SUMMARY).reply(200, { session_date: '05/02/2025', summary_text: { final_summary: 'Ready' } });
    const result = (await generate()) as Record<string, unknown>;
    expect(result).toMatchObject({ threads__recovered: true, threads__summary_text__final_summary: 'Ready' });
    expect(first.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('500 on Generate Summary with no text afterwards: halted (never auto-replayed), saying not to generate again yet', async () => {
    nock(BASE).post(SUMMARY).reply(500, { error: 'boom' });
    const second = nock(BASE).post(SUMMARY).reply(201, { final_summary: 'thread_x' });
    nock(BASE).get(SUMMARY).times(4).reply(200, { session_date: '05/02/2025' });
    const err = clean(await failureOf(generate()));
    expect(err.name).toBe('HaltedError');
    expect(ownMessage(err)).toMatch(/not known whether the generation started\. Do not generate again yet/);
    expect(ownMessage(err)).not.toMatch(/\bretry\b/i);
    expect(second.isDone()).toBe(false);
  }, 20_000);

  it('an HTML error page (proxy 502) -> a clear error, not the HTML', async () => {
    nock(BASE).post(GAIT).times(3).reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'Content-Type': 'text/html' });
    const err = clean(await failureOf(gait()));
    expect(payloadOf(err)).toMatchObject({ status: 502 });
    expect(payloadOf(err).message).toMatch(/HTTP 502.*no usable error message/);
    expect(payloadOf(err).message).not.toContain('<html>');
  }, 20_000);

  it('an HTML page with status 200 (every try) -> ResponseParseError, not a crash', async () => {
    nock(BASE).post(GAIT).times(3).reply(200, '<!doctype html><title>Login</title>', { 'Content-Type': 'text/html' });
    const err = clean(await failureOf(gait()));
    expect(payloadOf(err).code).toBe('ResponseParseError');
    expect(payloadOf(err).message).toMatch(/not valid JSON/);
  });
});
