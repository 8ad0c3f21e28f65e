import { join } from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import { Aikynetix } from '../src';
import { SessionFailedError, WaitTimeoutError } from '../src/errors/session';

/** The real client against the real simulator: upload, wait, GenAI waits. */
const SAMPLE = join(__dirname, '../../../shared/fixtures/sample-run.mp4');
let sim: Simulator;
let client: Aikynetix;
beforeAll(async () => {
  sim = await start({ processingDelayMs: 400, genAiDelayMs: 300 });
  client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url });
});
afterAll(async () => {
  await client?.close();
  await sim?.close();
});

async function upload(): Promise<string> {
  const created = await client.running.createSession({ user_id: 'athlete-7', video: SAMPLE, session_name: 'Wait test' });
  return created.session_id;
}

test('upload, then waitForSession resolves once the simulator finishes processing', async () => {
  const id = await upload();
  const statuses: string[] = [];
  const session = await client.waitForSession(id, { intervalMs: 100, timeoutMs: 20_000, onProgress: (p) => statuses.push(p.status) });
  expect(session.id).toBe(id);
  expect(session.status).toBe('processed');
  expect(statuses[0]).toBe('processing');
  expect(statuses[statuses.length - 1]).toBe('processed');
});

test('a session the simulator marks failed rejects with SessionFailedError', async () => {
  const id = await upload();
  sim.control.setSessionStatus(id, 'Failed', 'not a running video');
  await expect(client.waitForSession(id, { intervalMs: 50, timeoutMs: 10_000 })).rejects.toBeInstanceOf(SessionFailedError);
});

test('a deadline shorter than processing rejects with WaitTimeoutError', async () => {
  sim.control.setDelays({ processingDelayMs: 60_000 });
  try {
    const id = await upload();
    const err = await client.waitForSession(id, { intervalMs: 50, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
  } finally {
    sim.control.setDelays({ processingDelayMs: 400 });
  }
});

test('generate a summary, then waitForSummaryText returns it once the GenAI text exists', async () => {
  const id = await upload();
  await client.waitForSession(id, { intervalMs: 100, timeoutMs: 20_000 });
  await client.running.generateSummary({ session_id: id });
  const summary = await client.waitForSummaryText(id, { intervalMs: 100, timeoutMs: 20_000 });
  expect(JSON.stringify(summary.summary_text).length).toBeGreaterThan(10);
});
