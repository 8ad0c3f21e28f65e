import { Aikynetix } from '../src/host';
import type { Transport, TransportRequest } from '../src/transport/types';
import { afterDelay, pause, type Sleep } from '../src/timing/sleep';
import { AbortError } from '../src/errors/network';

/** A transport answering from a script of statuses (and headers), recording every request. */
function scripted(answers: Array<{ status: number; headers?: Record<string, string>; body?: string }>) {
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    async send(request) {
      requests.push(request);
      const a = answers[Math.min(requests.length - 1, answers.length - 1)];
      return { status: a.status, headers: a.headers ?? {}, body: a.body ?? '{"sessions":[]}' };
    },
  };
  return { transport, requests };
}

describe('waiting is injected by the host', () => {
  test('retry pauses and per-attempt timeouts go through the sleep the host passed', async () => {
    const calls: number[] = [];
    const sleep: Sleep = async (ms, signal) => {
      calls.push(ms);
      // the per-attempt timer waits until the attempt is over (its signal aborts), a retry pause returns at once
      if (ms >= 60_000) await new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('cancelled'))));
    };
    const { transport, requests } = scripted([{ status: 429, headers: { 'retry-after': '3' } }, { status: 200 }]);
    const client = new Aikynetix({ apiKey: 'k-123456', baseUrl: 'http://127.0.0.1:9', transport, sleep });
    await client.sessions.filter({ limit: 1 });
    expect(requests).toHaveLength(2);
    expect(calls).toContain(3000); // Retry-After: 3 seconds, honoured through the host's sleep
    expect(calls.filter((ms) => ms === 60_000)).toHaveLength(2); // one per-attempt timer per attempt
  });

  test('pause turns an abort into AbortError whatever the host sleep rejected with', async () => {
    const controller = new AbortController();
    const hostSleep: Sleep = (_ms, signal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const paused = pause(hostSleep, 10_000, controller.signal);
    controller.abort(new Error('execution cancelled'));
    await expect(paused).rejects.toBeInstanceOf(AbortError);
  });

  test('afterDelay runs its action after the delay, and never once cancelled', async () => {
    let release: () => void = () => undefined;
    const sleep: Sleep = (_ms, signal) =>
      new Promise((resolve, reject) => {
        release = resolve;
        signal?.addEventListener('abort', () => reject(new Error('cancelled')));
      });
    let fired = 0;
    afterDelay(sleep, 5, () => fired++);
    release();
    await new Promise((r) => setImmediate(r));
    expect(fired).toBe(1);
    const cancel = afterDelay(sleep, 5, () => fired++);
    cancel();
    release();
    await new Promise((r) => setImmediate(r));
    expect(fired).toBe(1);
  });
});
