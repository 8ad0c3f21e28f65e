import { join } from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import { Aikynetix, NotFoundError, getOperation, needsProcessedSession, operations } from '../src';

/** A report of a session that exists but is not processed: the 404 says which, on every surface. */
const SAMPLE = join(__dirname, '../../../shared/fixtures/sample-run.mp4');
let sim: Simulator;
let client: Aikynetix;
beforeAll(async () => {
  sim = await start({ processingDelayMs: 600_000, genAiDelayMs: 100 });
  client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url, maxRetries: 0 });
});
afterAll(async () => {
  await client?.close();
  await sim?.close();
});
afterEach(() => sim.control.clearFaults());

const upload = async (name: string) => (await client.running.createSession({ user_id: 'athlete-404', video: SAMPLE, session_name: name })).session_id;
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

test('which operations need a processed session is read off the registry', () => {
  const anyStatus = operations.filter((op) => 'session_id' in op.input.shape && !needsProcessedSession(op)).map((op) => op.id);
  expect(anyStatus.sort()).toEqual(['running.get', 'sessions.delete', 'sessions.update']);
  expect(needsProcessedSession(getOperation('running.getGaitAnalysis'))).toBe(true);
  expect(needsProcessedSession(getOperation('sessions.filter'))).toBe(false);
});

test('a report of a session still processing: NotFoundError with sessionStatus, message and hint say so, one lookup', async () => {
  const id = await upload('still processing');
  const before = sim.control.stats().requests;
  const err = await failure(client.running.getGaitAnalysis({ session_id: id }));
  expect(err).toBeInstanceOf(NotFoundError);
  const e = err as NotFoundError;
  expect(e.sessionStatus).toBe('processing');
  expect(e.sessionId).toBe(id);
  expect(e.message).toMatch(/still processing/);
  expect(e.hint).toMatch(/still being analysed/);
  expect(e.hint).not.toMatch(/Check the session ID/);
  expect(JSON.parse(JSON.stringify(e))).toMatchObject({ sessionStatus: 'processing', sessionId: id });
  const after = sim.control.stats().requests;
  const added = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
  expect(Object.keys(after).filter((k) => added(k) > 0).sort()).toEqual(
    [Object.keys(after).find((k) => /by-ids/.test(k)), Object.keys(after).find((k) => /gait-analysis/.test(k))].sort(),
  );
});

test('a report of a failed session: sessionStatus "failed" and a hint to upload again', async () => {
  const id = await upload('will fail');
  sim.control.setSessionStatus(id, 'Failed', 'not a running video');
  const e = (await failure(client.running.getSummary({ session_id: id }))) as NotFoundError;
  expect(e).toBeInstanceOf(NotFoundError);
  expect(e.sessionStatus).toBe('failed');
  expect(e.hint).toMatch(/upload the video again/);
});

test('the same for a write on a session still processing (Generate Summary)', async () => {
  const id = await upload('generate too early');
  const e = (await failure(client.running.generateSummary({ session_id: id }))) as NotFoundError;
  expect(e).toBeInstanceOf(NotFoundError);
  expect(e.sessionStatus).toBe('processing');
  expect(e.outcome).toBeUndefined();
});

test('when the API does not say why, the message adds it', async () => {
  const id = await upload('plain 404');
  sim.control.addFaults({ serverError: { count: 1, status: 404 }, route: '/gait-analysis/' });
  const e = (await failure(client.running.getGaitAnalysis({ session_id: id }))) as NotFoundError;
  expect(e.apiMessage).not.toMatch(/process/i);
  expect(e.message).toContain(`(session ${id} is still processing)`);
});

test('an unknown session keeps "check the session ID"; an operation on any status is not looked up', async () => {
  const e = (await failure(client.running.getGaitAnalysis({ session_id: 'no-such-session' }))) as NotFoundError;
  expect(e).toBeInstanceOf(NotFoundError);
  expect(e.sessionStatus).toBeUndefined();
  expect(e.hint).toMatch(/Check the session ID/);

  const before = sim.control.stats().totalRequests;
  const d = (await failure(client.sessions.update({ session_id: 'no-such-session', title: 'x' }))) as NotFoundError;
  expect(d).toBeInstanceOf(NotFoundError);
  expect(sim.control.stats().totalRequests - before).toBe(1);
});

test('a session of another activity at an activity endpoint: sessionActivity names it, also for Get (any status)', async () => {
  const [jump] = sim.control.seed({ count: 1, activity: 'Vertical Jump' }).ids;
  for (const call of [() => client.running.getGaitAnalysis({ session_id: jump }), () => client.running.get({ session_id: jump })]) {
    const e = (await failure(call())) as NotFoundError;
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.sessionActivity).toBe('Vertical Jump');
    expect(e.sessionStatus).toBeUndefined();
    expect(e.message).toMatch(/Vertical Jump session/);
    expect(e.hint).toMatch(/use the Vertical Jump operation/);
  }
  expect(await client.jumping.get({ session_id: jump })).toBeDefined();
});

test('a failing lookup leaves the API answer as it was', async () => {
  const id = await upload('lookup fails');
  sim.control.addFaults([{ serverError: { count: 5, status: 503 }, route: '/by-ids/' }]);
  const e = (await failure(client.running.getGaitAnalysis({ session_id: id }))) as NotFoundError;
  expect(e).toBeInstanceOf(NotFoundError);
  expect(e.sessionStatus).toBeUndefined();
  expect(e.hint).toMatch(/Check the session ID/);
});
