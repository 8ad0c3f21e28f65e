import { ValidationError } from '../src/errors/input';
import { AbortError } from '../src/errors/network';
import { AuthenticationError, NotFoundError, RateLimitError, ResponseParseError, ServerError } from '../src/errors/api';
import { ConnectionError, DeadlineExceededError } from '../src/errors/network';
import { NOT_FOUND_GRACE } from '../src/polling/transient';
import { SessionFailedError, WaitTimeoutError } from '../src/errors/session';
import { pollUntil } from '../src/polling/pollUntil';
import { waitForSession } from '../src/polling/session';
import { waitForFormRecommendations, waitForGaitRecommendations, waitForSummaryText } from '../src/polling/genai';
import type { CallApi, PollOptions, ReportsApi, SessionsApi } from '../src/polling/types';

/** The typed client slice the waits take, over a scripted call function. */
function port(api: CallApi): SessionsApi & ReportsApi {
  const call = (id: string) => (input: Record<string, unknown>, opts?: { signal?: AbortSignal }) => api.call(id, input, opts);
  return {
    sessions: { getByIds: call('sessions.getByIds') },
    running: { getSummary: call('running.getSummary'), getFormAnalysis: call('running.getFormAnalysis'), getGaitAnalysis: call('running.getGaitAnalysis') },
  } as never;
}

type Status = 'processing' | 'processed' | 'failed';

/** A tiny in-memory API: each session walks through a script of statuses, one per by-ids call. */
function fakeApi(script: Record<string, Status[]>, opts: { raw?: boolean } = {}) {
  const calls: Array<{ op: string; input: Record<string, unknown> }> = [];
  const seen: Record<string, number> = {};
  const api: CallApi = {
    async call(op, input) {
      calls.push({ op, input });
      if (op !== 'sessions.getByIds') throw new Error(`unexpected ${op}`);
      const sessions: Array<Record<string, unknown>> = [];
      const dict: Record<string, Record<string, unknown>> = {};
      for (const id of input.session_ids as string[]) {
        const steps = script[id];
        if (!steps) continue;
        const i = Math.min(seen[id] ?? 0, steps.length - 1);
        seen[id] = (seen[id] ?? 0) + 1;
        const status = steps[i];
        if (opts.raw) dict[id] = { video_status: status[0].toUpperCase() + status.slice(1), title: `t-${id}` };
        else sessions.push({ id, status, title: `t-${id}` });
      }
      return { sessions: opts.raw ? dict : sessions };
    },
  };
  return { api, calls };
}

/** A virtual clock: sleeps are recorded and advance time instantly. */
function virtualTime() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const timing: Pick<PollOptions, 'now' | 'sleep'> = {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
  return { timing, sleeps, advance: (ms: number) => (t += ms) };
}

describe('waitForSession', () => {
  test('resolves with the session once processed, reporting progress each check', async () => {
    const { api, calls } = fakeApi({ s1: ['processing', 'processing', 'processed'] });
    const progress: unknown[] = [];
    const { timing } = virtualTime();
    const session = await waitForSession(port(api), 's1', { ...timing, intervalMs: 100, onProgress: (p) => progress.push(p) });
    expect(session).toMatchObject({ id: 's1', status: 'processed', title: 't-s1' });
    expect(calls).toHaveLength(3);
    expect(calls[0]).toEqual({ op: 'sessions.getByIds', input: { session_ids: ['s1'] } });
    expect(progress).toEqual([
      { sessionId: 's1', status: 'processing', attempt: 1, elapsedMs: 0 },
      { sessionId: 's1', status: 'processing', attempt: 2, elapsedMs: 100 },
      { sessionId: 's1', status: 'processed', attempt: 3, elapsedMs: 250 },
    ]);
  });

  test('reads the raw dictionary form and any casing of video_status', async () => {
    const { api } = fakeApi({ s1: ['processing', 'processed'] }, { raw: true });
    const session = await waitForSession(port(api), 's1', { ...virtualTime().timing });
    expect(session).toMatchObject({ id: 's1', status: 'processed', video_status: 'Processed' });
  });

  test('rejects with SessionFailedError when processing fails', async () => {
    const { api } = fakeApi({ bad: ['processing', 'failed'] });
    const progress: string[] = [];
    const err = await waitForSession(port(api), 'bad', { ...virtualTime().timing, onProgress: (p) => progress.push(p.status) }).catch((e) => e);
    expect(err).toBeInstanceOf(SessionFailedError);
    expect(err.sessionId).toBe('bad');
    expect(err.hint).toMatch(/upload it again/);
    expect(progress).toEqual(['processing', 'failed']);
  });

  test('rejects with NotFoundError when the session never appears (after a short grace for a just-created one)', async () => {
    const { api, calls } = fakeApi({});
    const err = await waitForSession(port(api), 'ghost', { ...virtualTime().timing }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('ghost');
    expect(calls).toHaveLength(NOT_FOUND_GRACE);
  });

  test('a session gone after having been seen ends the wait at once', async () => {
    let n = 0;
    const api: CallApi = {
      async call() {
        return n++ === 0 ? { sessions: [{ id: 's', status: 'processing' }] } : { sessions: [] };
      },
    };
    const err = await waitForSession(port(api), 's', { ...virtualTime().timing }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(n).toBe(2);
  });

  test('transient failures (network, 5xx, 429, garbled 200, deadline) are ridden out until the session is processed', async () => {
    const failures: Error[] = [
      new ConnectionError('reset', { code: 'ECONNRESET' }),
      new ServerError('503', { status: 503 }),
      new RateLimitError('429', { status: 429 }),
      new ResponseParseError('garbled', { status: 200, unparsable: true }),
      new DeadlineExceededError('slow'),
      new ServerError('502', { status: 502 }),
      new ConnectionError('reset again'),
    ];
    let n = 0;
    const statuses: string[] = [];
    const api: CallApi = {
      async call() {
        const f = failures[n++];
        if (f) throw f;
        return { sessions: [{ id: 's', status: 'processed' }] };
      },
    };
    const done = await waitForSession(port(api), 's', { ...virtualTime().timing, onProgress: (p) => statuses.push(p.status) });
    expect(done).toMatchObject({ id: 's', status: 'processed' });
    expect(statuses).toEqual([...failures.map(() => 'retrying'), 'processed']);
  });

  test('transient failures until the deadline end in WaitTimeoutError, not the transient error', async () => {
    const api: CallApi = {
      async call() {
        throw new ServerError('503', { status: 503 });
      },
    };
    const err = await waitForSession(port(api), 's', { ...virtualTime().timing, timeoutMs: 60_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
  });

  test('GenAI waits ride out transient failures too', async () => {
    let n = 0;
    const api: CallApi = {
      async call() {
        if (n++ < 3) throw new ResponseParseError('cut short', { status: 200, unparsable: true });
        return { summary_text: 'done' };
      },
    };
    await expect(waitForSummaryText(port(api), 's', { ...virtualTime().timing })).resolves.toEqual({ summary_text: 'done' });
  });

  test('rejects with WaitTimeoutError at the deadline, the last pause clamped to it', async () => {
    const { api, calls } = fakeApi({ slow: ['processing'] });
    const v = virtualTime();
    const err = await waitForSession(port(api), 'slow', { ...v.timing, intervalMs: 200, backoff: 2, maxIntervalMs: 10_000, timeoutMs: 1000 }).catch((e) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err.sessionId).toBe('slow');
    // 200 + 400 = 600, then only 400 left: the final check happens exactly at the deadline.
    expect(v.sleeps).toEqual([200, 400, 400]);
    expect(calls).toHaveLength(4);
  });

  test('backs off by the factor up to maxIntervalMs', async () => {
    const steps: Status[] = [...Array(8).fill('processing'), 'processed'];
    const { api } = fakeApi({ s: steps });
    const v = virtualTime();
    await waitForSession(port(api), 's', { ...v.timing, intervalMs: 100, backoff: 1.5, maxIntervalMs: 400 });
    expect(v.sleeps).toEqual([100, 150, 225, 337.5, 400, 400, 400, 400]);
  });

  test('defaults: 2 s first pause, x1.5, capped at 15 s', async () => {
    const { api } = fakeApi({ s: [...Array(10).fill('processing'), 'processed'] });
    const v = virtualTime();
    await waitForSession(port(api), 's', { ...v.timing });
    expect(v.sleeps.slice(0, 3)).toEqual([2000, 3000, 4500]);
    expect(Math.max(...v.sleeps)).toBe(15000);
  });

  test('abort during a pause rejects promptly with AbortError (real timers)', async () => {
    const { api, calls } = fakeApi({ s: ['processing'] });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const err = await waitForSession(port(api), 's', { intervalMs: 10_000, signal: controller.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls).toHaveLength(1);
  });

  test('abort during a hanging check rejects and the check sees the abort', async () => {
    let checkSignal: AbortSignal | undefined;
    const api: CallApi = {
      call: (_op, _input, opts) =>
        new Promise((_resolve, reject) => {
          checkSignal = opts?.signal;
          opts?.signal?.addEventListener('abort', () => reject(new Error('request aborted')));
        }),
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const err = await waitForSession(port(api), 's', { signal: controller.signal }).catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(checkSignal?.aborted).toBe(true);
  });

  test('an already aborted signal makes no request', async () => {
    const { api, calls } = fakeApi({ s: ['processed'] });
    const controller = new AbortController();
    controller.abort();
    await expect(waitForSession(port(api), 's', { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(0);
  });

  test('a check that hangs past the deadline is cut off with WaitTimeoutError', async () => {
    const api: CallApi = {
      call: (_op, _input, opts) =>
        new Promise((_resolve, reject) => opts?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    };
    const started = Date.now();
    const err = await waitForSession(port(api), 's', { timeoutMs: 1200 }).catch((e) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1100);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('API errors pass through unchanged', async () => {
    const api: CallApi = {
      call: async () => {
        throw new AuthenticationError('Invalid API key', { status: 401 });
      },
    };
    await expect(waitForSession(port(api), 's', { ...virtualTime().timing })).rejects.toBeInstanceOf(AuthenticationError);
  });

  test('bad ids and bad timing options are validation errors before any request', async () => {
    const { api, calls } = fakeApi({ s: ['processed'] });
    const empty = await waitForSession(port(api), '  ').catch((e) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.field).toBe('session_id');
    const interval = await waitForSession(port(api), 's', { intervalMs: -5 }).catch((e) => e);
    expect(interval).toBeInstanceOf(ValidationError);
    expect(interval.field).toBe('intervalMs');
    expect((await waitForSession(port(api), 's', { backoff: 0.5 }).catch((e) => e)).field).toBe('backoff');
    expect((await waitForSession(port(api), 's', { timeoutMs: Number.NaN }).catch((e) => e)).field).toBe('timeoutMs');
    expect(calls).toHaveLength(0);
  });
});

describe('pollUntil', () => {
  test('returns the value of the first done step', async () => {
    let n = 0;
    const value = await pollUntil(async () => (++n < 3 ? { status: 'no', done: false } : { status: 'yes', done: true, value: n }), {
      ...virtualTime().timing,
      onTimeout: () => new Error('timeout'),
    });
    expect(value).toBe(3);
  });

  test('timeoutMs 0 checks exactly once', async () => {
    let n = 0;
    const err = await pollUntil(async () => (n++, { status: 'no', done: false }), {
      ...virtualTime().timing,
      timeoutMs: 0,
      onTimeout: (ms) => new Error(`timeout after ${ms}`),
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe('timeout after 0');
    expect(n).toBe(1);
  });
});

describe('GenAI text waits', () => {
  function textApi(op: string, field: string, answers: unknown[]) {
    const calls: Array<[string, Record<string, unknown>]> = [];
    let i = 0;
    const api: CallApi = {
      async call(id, input) {
        calls.push([id, input]);
        if (id !== op) throw new Error(`unexpected ${id}`);
        const answer = answers[Math.min(i++, answers.length - 1)];
        return answer === undefined ? { session_date: '01/01/2025' } : { session_date: '01/01/2025', [field]: answer };
      },
    };
    return { api, calls };
  }

  test.each([
    ['summary', 'running.getSummary', 'summary_text', waitForSummaryText],
    ['form', 'running.getFormAnalysis', 'form_comments', waitForFormRecommendations],
    ['gait', 'running.getGaitAnalysis', 'report_comments', waitForGaitRecommendations],
  ] as const)('%s: waits while the text is absent, empty or blank, then resolves with the report', async (_n, op, field, wait) => {
    const text = { a_block: 'Lean slightly forward from the ankles.' };
    const { api, calls } = textApi(op, field, [undefined, {}, { a_block: '  ' }, null, text]);
    const statuses: string[] = [];
    const report = await wait(port(api), 'sid', { ...virtualTime().timing, onProgress: (p) => statuses.push(`${p.sessionId}:${p.status}`) });
    expect(report[field]).toEqual(text);
    expect(calls).toHaveLength(5);
    expect(calls[0]).toEqual([op, { session_id: 'sid' }]);
    expect(statuses).toEqual(['sid:waiting', 'sid:waiting', 'sid:waiting', 'sid:waiting', 'sid:ready']);
  });

  test('times out with WaitTimeoutError naming what was awaited', async () => {
    const { api } = textApi('running.getSummary', 'summary_text', [{}]);
    const err = await waitForSummaryText(port(api), 'sid', { ...virtualTime().timing, timeoutMs: 10_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err.message).toContain('GenAI summary');
    expect(err.operationId).toBe('running.getSummary');
  });

  test('a plain string counts as text too', async () => {
    const { api } = textApi('running.getGaitAnalysis', 'report_comments', [{ knee: { note: 'Bend more' } }]);
    const report = await waitForGaitRecommendations(port(api), 'sid', { ...virtualTime().timing });
    expect(report.report_comments.knee.note).toBe('Bend more');
  });
});
