import {
  AuthenticationError,
  BadRequestError,
  ConfigError,
  ConnectionError,
  NoPlanError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  SessionFailedError,
  ValidationError,
} from '@aikynetix/core/host';
import zapier from 'zapier-platform-core';
import type { ZObject } from 'zapier-platform-core';
import { toZapierError } from '../src/errors';
import { failureOf, run } from './support/app';
import { authFor, startSim, type Simulator } from './support/sim';

const z = { errors: zapier.errors } as unknown as ZObject;
const bundle = { authData: { apiKey: 'sk_test_secret' } };
const api = (status: number) => ({ status, operationId: 'running.getGaitAnalysis' });

/** Which Zapier class each failure becomes (Zapier's docs: Error for what the user must fix). */
const MAPPING: Array<[string, unknown, string]> = [
  ['bad input', new ValidationError([{ field: 'session_id', rule: 'is required' }], 'running.get'), 'Error'],
  ['bad connection settings', new ConfigError('baseUrl must be https'), 'Error'],
  ['403 key without admin rights', new PermissionDeniedError('HTTP 403', api(403)), 'Error'],
  ['403/404 no plan', new NoPlanError('HTTP 403: no valid plan', api(403)), 'Error'],
  ['400 from the API', new BadRequestError('HTTP 400', api(400)), 'Error'],
  ['404 in an action', new NotFoundError('HTTP 404', api(404)), 'Error'],
  ['5xx after retries', new ServerError('HTTP 500', api(500)), 'Error'],
  ['network failure', new ConnectionError('connection refused', { operationId: 'running.get' }), 'Error'],
  ['401 wrong key', new AuthenticationError('HTTP 401', api(401)), 'ExpiredAuthError'],
  ['429', new RateLimitError('HTTP 429', { ...api(429), retryAfterMs: 90_000 }), 'ThrottledError'],
  ['a session that failed processing', new SessionFailedError('Session x failed: not a video', { operationId: 'running.get' } as never), 'HaltedError'],
  ['a session of another activity', new NotFoundError('HTTP 404', { ...api(404), sessionId: 'x', sessionActivity: 'Weightlifting' }), 'HaltedError'],
  ['a report of a session still processing', new NotFoundError('HTTP 404', { ...api(404), sessionId: 'x', sessionStatus: 'processing' }), 'HaltedError'],
  ['a report of a session that failed', new NotFoundError('HTTP 404', { ...api(404), sessionId: 'x', sessionStatus: 'failed' }), 'HaltedError'],
  ['anything unexpected', new Error('boom'), 'Error'],
];

describe('error classes (pinned)', () => {
  it.each(MAPPING)('%s', (_what, err, expected) => {
    const out = toZapierError(z, bundle, err);
    expect(out.name).toBe(expected === 'Error' ? 'AppError' : expected);
    expect(out.message).not.toContain('sk_test_secret');
  });

  it('a 429 carries its Retry-After as the Zapier delay', () => {
    const out = toZapierError(z, bundle, new RateLimitError('HTTP 429', { ...api(429), retryAfterMs: 90_000 })) as Error & { delay?: number };
    expect(JSON.parse(out.message).delay ?? out.delay).toBe(90);
  });
});

describe('activity (against the simulator)', () => {
  let sim: Simulator;
  let auth: ReturnType<typeof authFor>;
  beforeAll(async () => {
    sim = await startSim();
    auth = authFor(sim.url, sim.apiKey);
  });
  afterAll(() => sim.close());

  it('an unknown activity is refused naming the field, before any request', async () => {
    const before = sim.control.stats().totalRequests;
    const err = await failureOf(run('searches', 'session_details', { authData: auth, inputData: { activity: 'swimming', session_id: 'abc' } }));
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(/Activity \(activity\): must be running, jumping or weightlifting \(got \\"swimming\\"\)/);
    expect(sim.control.stats().totalRequests).toBe(before);
    const trigger = await failureOf(run('triggers', 'session_processed', { authData: auth, inputData: { activity: 'Swimming' } }));
    expect(trigger.message).toMatch(/activity/i);
  });

  it('asking the wrong activity of an existing session names its real activity (not "nothing found")', async () => {
    const [lift] = sim.control.seed({ count: 1, processed: true, activity: 'Weightlifting' }).ids;
    const err = await failureOf(run('searches', 'session_details', { authData: auth, inputData: { activity: 'running', session_id: lift } }));
    expect(err.name).toBe('HaltedError');
    expect(err.message).toMatch(new RegExp(`Session ${lift} is a Weightlifting session`));
    const gait = await failureOf(run('searches', 'gait_analysis_report', { authData: auth, inputData: { session_id: lift } }));
    expect(gait.message).toMatch(/is a Weightlifting session/);
    // A session that does not exist at all is still "nothing found".
    await expect(run('searches', 'session_details', { authData: auth, inputData: { activity: 'running', session_id: 'nosuchsession1' } })).resolves.toEqual([]);
  });

  it('a report of a session still processing or failed halts saying so (not "nothing found"), also in a create', async () => {
    sim.control.setDelays({ processingDelayMs: 600_000 });
    const [busy] = sim.control.seed({ count: 1, processed: false }).ids;
    const [broken] = sim.control.seed({ count: 1, failedEvery: 1 }).ids;
    const early = await failureOf(run('searches', 'gait_analysis_report', { authData: auth, inputData: { session_id: busy } }));
    expect(early.name).toBe('HaltedError');
    expect(early.message).toMatch(new RegExp(`Session ${busy} is still being analysed.*New Session Processed`));
    const failed = await failureOf(run('searches', 'running_summary', { authData: auth, inputData: { session_id: broken } }));
    expect(failed.name).toBe('HaltedError');
    expect(failed.message).toMatch(/could not analyse .*Upload the video again/);
    const generate = await failureOf(run('creates', 'generate_summary', { authData: auth, inputData: { session_id: busy, measurement_system: 'metric' } }));
    expect(generate.name).toBe('HaltedError');
    expect(generate.message).toMatch(/still being analysed/);
  });
});
