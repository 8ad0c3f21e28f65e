import {
  Aikynetix,
  AuthenticationError,
  DeadlineExceededError,
  NoPlanError,
  NotFoundError,
  NotAppliedError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@aikynetix/core';
import { scriptedServer, type Step } from './helpers/scriptedServer';

const KEY = 'sk_live_FAULTS_7b1e9c';
const ok = { status: 200, body: { session_id: 'abc', summary_text: { final_summary: 'ok' } } };
const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function setup(steps: Step[], options: Partial<ConstructorParameters<typeof Aikynetix>[0]> = {}) {
  const server = await scriptedServer(steps);
  servers.push(server);
  const client = new Aikynetix({ apiKey: KEY, baseUrl: server.url, timeoutMs: 2000, ...options });
  return { server, client };
}

describe('retries of idempotent requests', () => {
  it('retries a 503 burst, then succeeds', async () => {
    const { server, client } = await setup([{ status: 503, body: { error: 'busy' } }, { status: 503, body: '' }, ok]);
    await expect(client.running.getSummary({ session_id: 'abc' })).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries with a ServerError naming the status', async () => {
    const { server, client } = await setup([{ status: 500, body: { error: 'boom' } }], { maxRetries: 1 });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err.status).toBe(500);
    expect(err.apiMessage).toBe('boom');
    expect(err.operationId).toBe('running.getSummary');
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After on 429', async () => {
    const { server, client } = await setup([{ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } }, ok]);
    const started = Date.now();
    await client.running.getSummary({ session_id: 'abc' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces RateLimitError with the server delay when retries run out', async () => {
    const { client } = await setup([{ status: 429, headers: { 'retry-after': '7' }, body: { error: 'quota' } }], { maxRetries: 0 });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(7000);
  });

  it('retries a connection reset on a read', async () => {
    const { server, client } = await setup([{ reset: true }, ok]);
    await expect(client.running.getSummary({ session_id: 'abc' })).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(2);
  });

  it('times out a hanging server, retries, then throws TimeoutError', async () => {
    const { server, client } = await setup([{ hang: true }], { timeoutMs: 200, maxRetries: 1 });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('stops at the overall deadline', async () => {
    const { server, client } = await setup([{ status: 503, body: {} }], { maxRetries: 10, deadlineMs: 400 });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    // The last 503, the deadline itself, or (on a slow machine) the attempt the deadline cut short.
    expect(err instanceof ServerError || err instanceof DeadlineExceededError || err instanceof TimeoutError).toBe(true);
    // Ten retries were allowed; the deadline (retry pauses start at 250 ms) leaves room for very few.
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

/** A server whose answer to generating form recommendations is a 504, and whose report never has the text. */
function lostGenerationNoText() {
  // form-analysis is a POST that only reads: answer by path, not by method.
  return setup([
    (req, res) => {
      if (req.url.includes('form-recommendations')) {
        res.writeHead(504, { 'content-type': 'text/html' });
        return res.end('<html>Gateway Timeout</html>');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ form_comments: null, contact_angle: 1 }));
    },
  ]);
}

describe('no duplicate side effects', () => {
  /** A step that answers by method: the write's script for POSTs, `read` for the recovery's GETs. */
  const byMethod = (posts: Step[], read: (n: number) => object): Step => {
    let p = 0;
    let g = 0;
    return (req, res) => {
      if (req.method !== 'GET') {
        const step = posts[Math.min(p++, posts.length - 1)] as Exclude<Step, (...a: never[]) => void>;
        if ('reset' in step) return res.socket?.destroy();
        if ('hang' in step) return;
        res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
        return res.end(typeof step.body === 'object' ? JSON.stringify(step.body) : (step.body ?? ''));
      }
      const body = read(g++);
      res.writeHead(Object.keys(body).length ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(Object.keys(body).length ? body : { error: 'No sessions found' }));
    };
  };
  const posts = (server: { requests: Array<{ method: string }> }) => server.requests.filter((r) => r.method === 'POST').length;

  it('never re-sends a summary generation after a 503; a read shows it took effect: recovered', async () => {
    const { server, client } = await setup([byMethod([{ status: 503, body: { error: 'busy' } }], () => ({ summary_text: 'Ready text' }))]);
    const res = (await client.running.generateSummary({ session_id: 'abc' })) as Record<string, unknown>;
    expect(res).toMatchObject({ recovered: true, summary_text: 'Ready text', session_id: 'abc' });
    expect(posts(server)).toBe(1);
  });

  it('never re-sends an upload whose connection was reset; finds the new session by athlete and name: recovered', async () => {
    const { server, client } = await setup([
      byMethod([{ reset: true }, { status: 200, body: { session_id: 'dup', title: 't' } }], (n) =>
        n === 0
          ? { sessions: { old1: { user_id: 'u1', title: 'Run' } } }
          : { sessions: { x9: { user_id: 'u1', title: 'Run' }, old1: { user_id: 'u1', title: 'Run' } } },
      ),
    ]);
    const res = await client.running.createSession({ user_id: 'u1', session_name: 'Run', video: Buffer.from('....ftypisom....') });
    expect(res).toEqual({ session_id: 'x9', title: 'Run', recovered: true });
    expect(posts(server)).toBe(1);
    expect(server.requests[0].url).toMatch(/\/sessions\/filter\/\?.*user_id=u1/);
  });

  it('an upload whose answer was lost and that left no session: NotAppliedError saying a retry is safe', async () => {
    const { server, client } = await setup([
      byMethod([{ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' }], () => ({
        sessions: { old1: { user_id: 'u1', title: 'Run' } },
      })),
    ]);
    const err = await client.running.createSession({ user_id: 'u1', session_name: 'Run', video: Buffer.from('....ftypisom....') }).catch((e) => e);
    expect(err).toBeInstanceOf(NotAppliedError);
    expect(err.outcome).toBe('not-applied');
    expect(err.message).toMatch(/nothing was created, so uploading again is safe/);
    expect(posts(server)).toBe(1);
  }, 20_000);

  it('two new sessions with the same name: OutcomeUnknownError naming both, advising no retry', async () => {
    const { client } = await setup([
      byMethod([{ reset: true }], (n) =>
        n === 0 ? {} : { sessions: { a1: { user_id: 'u1', title: 'Run' }, b2: { user_id: 'u1', title: 'run' } } },
      ),
    ]);
    const err = await client.running.createSession({ user_id: 'u1', session_name: 'Run', video: Buffer.from('....ftypisom....') }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.candidates).toEqual(['a1', 'b2']);
    expect(err.message).toMatch(/a1 or b2/);
    expect(err.message).toMatch(/Do not upload again yet/);
    expect(`${err.message} ${err.hint}`).not.toMatch(/\b(retry|try again)\b/i);
  });

  it('generating the analyzed video: its answer lost, the GET (which returns or creates it) settles it: recovered', async () => {
    const { server, client } = await setup([byMethod([{ reset: true }], () => ({ analyzed_video_url: 'https://cdn.example/a.mp4' }))]);
    const res = (await client.sessions.generateAnalyzedVideo({ session_id: 'abc', is_jump: true })) as Record<string, unknown>;
    expect(res).toEqual({ analyzed_video_url: 'https://cdn.example/a.mp4', recovered: true });
    expect(posts(server)).toBe(1);
    expect(server.requests[1].url).toMatch(/analyzed-video\/\?is_jump=true/);
  });

  it('a generation whose text never shows: OutcomeUnknownError naming the session and what to look at, no retry advice', async () => {
    const { server, client } = await lostGenerationNoText();
    const err = await client.running.generateFormRecommendations({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.candidates).toEqual(['abc']);
    expect(err.message).toMatch(/HTTP 504, so it is not known whether the generation started\. Do not generate again yet/);
    expect(err.message).toContain('Get Form Analysis Report');
    expect(`${err.message} ${err.hint}`).not.toMatch(/\b(retry|try again)\b/i);
    expect(server.requests.filter((r) => r.url.includes('form-recommendations'))).toHaveLength(1);
    expect(server.requests.filter((r) => r.url.includes('form-analysis')).length).toBeGreaterThanOrEqual(4);
  }, 20_000);

  it("the looks after a lost answer stay inside the call's overall deadline (a host's step limit)", async () => {
    const looks = (server: { requests: Array<{ url: string }> }) => server.requests.filter((r) => r.url.includes('form-analysis')).length;
    const unbounded = await lostGenerationNoText();
    await unbounded.client.running.generateFormRecommendations({ session_id: 'abc' }).catch(() => undefined);
    // Pauses of 0, 1, 2 and 4 s fit no deadline of 2.5 s beyond the first two looks.
    const bounded = await lostGenerationNoText();
    const err = await bounded.client.running.generateFormRecommendations({ session_id: 'abc' }, { deadlineMs: 2500 }).catch((e) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(looks(unbounded.server)).toBe(4);
    expect(looks(bounded.server)).toBeGreaterThanOrEqual(1);
    expect(looks(bounded.server)).toBeLessThanOrEqual(2);
  }, 30_000);

  it('re-sends an upload rejected with 429 (the server did not act) when the source can be replayed', async () => {
    const { server, client } = await setup([
      byMethod(
        [
          { status: 429, headers: { 'retry-after': '0' }, body: { error: 'later' } },
          { status: 200, body: { session_id: 'x1', title: 't' } },
        ],
        () => ({}),
      ),
    ]);
    const res = await client.running.createSession({ user_id: 'u1', video: Buffer.from('....ftypisom....') });
    expect(res.session_id).toBe('x1');
    expect(posts(server)).toBe(2);
  });

  it('a DELETE whose first answer was lost reports the session deleted when the retry meets 404', async () => {
    const { server, client } = await setup([{ reset: true }, { status: 404, body: { error: "Session 'abc' not found" } }]);
    const res = await client.sessions.delete({ session_id: 'abc' });
    expect(res).toMatchObject({ recovered: true });
    expect(server.requests).toHaveLength(2);
  });

  it('a 404 whose answer was cut short is an unreadable answer (retried), not a wrong base URL: the DELETE still reports deleted', async () => {
    const { server, client } = await setup([
      { reset: true },
      { status: 404, headers: { 'content-type': 'application/json' }, body: '{"error": "Session \'abc\' no' },
      { status: 404, body: { error: "Session 'abc' not found" } },
    ]);
    const res = await client.sessions.delete({ session_id: 'abc' });
    expect(res).toMatchObject({ recovered: true });
    expect(server.requests).toHaveLength(3);
  });

  it('an unreadable 200 on a read is retried', async () => {
    const { server, client } = await setup([{ status: 200, body: '<html>cached page</html>' }, { status: 200, body: '{"met' }, ok]);
    await expect(client.running.getSummary({ session_id: 'abc' })).resolves.toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });
});

describe('error mapping', () => {
  it.each([
    [401, { error: 'Invalid token' }, AuthenticationError],
    [403, { error: 'Admin privileges required' }, PermissionDeniedError],
    [403, { error: 'User does not have a valid payment plan' }, NoPlanError],
    [404, { error: 'Session not found' }, NotFoundError],
  ])('HTTP %s -> %p', async (status, body, cls) => {
    const { client } = await setup([{ status, body }]);
    const err = await client.running.getGaitAnalysis({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(cls);
    expect(err.message).toContain(body.error);
    expect(err.hint).toBeTruthy();
  });

  it('an HTML 502 page becomes a ServerError without the HTML', async () => {
    const { client } = await setup([{ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' }], {
      maxRetries: 0,
    });
    const err = await client.running.get({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err.message).not.toContain('<html>');
  });

  it('truncated JSON becomes a ResponseParseError', async () => {
    const { client } = await setup([{ status: 200, body: '{"metrics": {"speed": [1,2' }]);
    await expect(client.running.get({ session_id: 'abc' })).rejects.toBeInstanceOf(ResponseParseError);
  });

  it('a 404 from a listing endpoint is an empty result, not an error', async () => {
    const { client } = await setup([{ status: 404, body: { error: 'No sessions found' } }]);
    const page = await client.sessions.filter({ activity: 'Running' });
    expect(page.sessions).toEqual([]);
  });

  it('sends the request id of the response along', async () => {
    const { client } = await setup([{ status: 404, headers: { 'x-request-id': 'req_123' }, body: { error: 'nope' } }]);
    const err = await client.running.get({ session_id: 'abc' }).catch((e) => e);
    expect(err.requestId).toBe('req_123');
  });
});

describe('bad input never reaches the network', () => {
  it.each([
    [{ session_id: '' }],
    [{ session_id: '   ' }],
    [{ session_id: 'a/b' }],
    [{ session_id: '..' }],
    [{ session_id: 'a?b' }],
    [{ session_id: 'a#b' }],
    [{ session_id: 'x'.repeat(10_000) }],
  ])('%j', async (input) => {
    const { server, client } = await setup([ok]);
    const err = await client.running.get(input).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('session_id');
    expect(server.requests).toHaveLength(0);
  });

  it('an unknown joint and a non-numeric incline are named', async () => {
    const { server, client } = await setup([ok]);
    const err = await client.running
      .createSession({ user_id: 'u', video: Buffer.from('x'), body_joint_angles: ['knee', 'toe'] as never, incline_degree: 'steep' as never })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = err.issues.map((i: { field: string }) => i.field.split('.')[0]);
    expect(fields).toEqual(expect.arrayContaining(['body_joint_angles', 'incline_degree']));
    expect(server.requests).toHaveLength(0);
  });
});

describe('auth styles on the wire', () => {
  it.each([
    ['authorizationApiKey', 'authorization', `API-KEY ${KEY}`],
    ['apiKeyHeader', 'api-key', KEY],
    ['bearer', 'authorization', `Bearer ${KEY}`],
  ] as const)('%s', async (auth, header, value) => {
    const { server, client } = await setup([ok], { auth });
    await client.running.getSummary({ session_id: 'abc' });
    expect(server.requests[0].headers[header]).toBe(value);
  });
});

describe('secrets', () => {
  it('the key appears in no error, JSON form, stack, inspection or log line', async () => {
    const lines: string[] = [];
    const log = (m: string, meta?: unknown) => lines.push(m + JSON.stringify(meta ?? {}));
    const { client } = await setup([{ status: 401, body: { error: `bad key ${KEY}` } }], {
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    const { inspect } = await import('node:util');
    const surfaces = [err.message, JSON.stringify(err), String(err.stack), inspect(err, { depth: 5 }), inspect(client), JSON.stringify(client), ...lines];
    expect(lines.length).toBeGreaterThan(0);
    for (const s of surfaces) expect(s).not.toContain(KEY);
  });
});

describe('hints fit the operation', () => {
  it('a 404 from an endpoint without a session id does not talk about session ids', async () => {
    const { client } = await setup([{ status: 404, body: { error: 'No sessions found' } }]);
    const err = await client.running.getTotalMetrics().catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.hint).not.toMatch(/session ID/);
    expect(err.hint).toMatch(/upload a video/);
  });
});

describe('hosts that authenticate in their transport', () => {
  it('scrub the values given in `redact` from error messages', async () => {
    const server = await scriptedServer([{ status: 401, body: { error: `key ${KEY} is revoked` } }]);
    servers.push(server);
    const client = new Aikynetix({
      baseUrl: server.url,
      redact: [KEY],
      transport: {
        async send(req) {
          const res = await fetch(req.url, { method: req.method, headers: { ...req.headers, authorization: `API-KEY ${KEY}` } });
          return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
        },
      },
    });
    const err = await client.running.getSummary({ session_id: 'abc' }).catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toContain('is revoked');
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(KEY);
  });
});
