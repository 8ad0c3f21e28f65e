import { Aikynetix, ValidationError } from '@aikynetix/core';
import { start, type Simulator } from '@aikynetix/simulator';

let sim: Simulator;
let client: Aikynetix;
beforeAll(async () => {
  sim = await start({ port: 0, processingDelayMs: 50 });
  client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: sim.url, maxRetries: 0 });
  await fetch(`${sim.url}/__sim/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: 250 }),
  });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('sessions.iterate against the simulator', () => {
  it('walks every page once, newest first, following the cursor', async () => {
    const sessions = await all(client.sessions.iterate({ pageSize: 40 }));
    expect(sessions.length).toBe(250);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(250);
    const times = sessions.map((s) => String(s.created_at_iso));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('stops at max', async () => {
    expect(await all(client.sessions.iterate({ pageSize: 30, max: 45 }))).toHaveLength(45);
  });

  it('with filters beyond one page, filters client-side with the server semantics', async () => {
    const everything = await all(client.sessions.iterate({ pageSize: 100 }));
    const expected = everything.filter((s) => s.activity === 'Running' && s.status === 'processed').map((s) => s.id);
    const got = await all(client.sessions.iterate({ activity: 'Running', video_status: 'Processed', max: 1000 }));
    expect(got.map((s) => s.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('rejects an impossible filter date before any request, even when filtering client-side', async () => {
    const requests = async () => ((await (await fetch(`${sim.url}/__sim/stats`)).json()) as { totalRequests: number }).totalRequests;
    const before = await requests();
    expect(before).toBeGreaterThan(0);
    const err = await all(client.sessions.iterate({ start_date: '31/02/2024', max: 500 })).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('start_date');
    expect(await requests()).toBe(before);
  });
});
