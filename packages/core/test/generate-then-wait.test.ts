import { NotAppliedError, OutcomeUnknownError, ServerError, WaitTimeoutError, generateThenWait } from '../src';

/** A generation whose answer was lost is settled by the wait, never by a second start. */
const unknown = () => new OutcomeUnknownError('answer lost', { operationId: 'running.generateSummary', candidates: ['s1'] });

test('a started generation: its acknowledgement and the text', async () => {
  const done = await generateThenWait(async () => ({ ok: true }), async () => ({ summary_text: 'done' }));
  expect(done).toEqual({ started: { ok: true }, text: { summary_text: 'done' }, settledByWait: false });
});

test('an unknown start whose text arrives: settled by the wait, told once, started exactly once', async () => {
  let starts = 0;
  const told: unknown[] = [];
  const done = await generateThenWait(
    async () => {
      starts++;
      throw unknown();
    },
    async () => ({ summary_text: 'done' }),
    (err) => told.push(err),
  );
  expect(done).toEqual({ started: undefined, text: { summary_text: 'done' }, settledByWait: true });
  expect(starts).toBe(1);
  expect(told).toHaveLength(1);
});

test('an unknown start and no text by the deadline: still the OutcomeUnknownError (what to check), not a timeout', async () => {
  const err = await generateThenWait(
    async () => {
      throw unknown();
    },
    async () => {
      throw new WaitTimeoutError('s1', 'the GenAI summary', 1000);
    },
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(OutcomeUnknownError);
});

test('a start that certainly failed is not waited for', async () => {
  let waited = false;
  const refused = new NotAppliedError('503, nothing started', { operationId: 'running.generateSummary' });
  await expect(generateThenWait(async () => Promise.reject(refused), async () => (waited = true))).rejects.toBe(refused);
  expect(waited).toBe(false);
});

test('a wait failing for another reason after an unknown start reports that reason', async () => {
  const down = new ServerError('HTTP 500', { status: 500 });
  await expect(generateThenWait(async () => Promise.reject(unknown()), async () => Promise.reject(down))).rejects.toBe(down);
});
