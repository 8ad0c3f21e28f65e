import { App, appTester, failureOf, ownMessage } from './support/app';
import { recordingProxy } from './support/servers';
import { authFor, startSim, type Simulator } from './support/sim';
import { isApiUrl } from '../src/settings';

describe('authentication against the simulator', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(() => sim.close());

  it('a brand-new account (the API answers 404 "no sessions") connects fine', async () => {
    await sim.control.reset();
    const result = (await appTester(App.authentication.test as never, { authData: authFor(sim.url, sim.apiKey) } as never)) as Record<
      string,
      unknown
    >;
    expect(result.sessions_found).toBe(0);
    const label = await appTester(App.authentication.connectionLabel as never, {
      authData: authFor(sim.url, sim.apiKey),
      inputData: result,
    } as never);
    expect(label).toBe(`AIKYNETIX @ ${new URL(sim.url).host}`);
  });

  it('labels the connection with the account\'s uploader once sessions exist', async () => {
    sim.control.seed({ count: 2, processed: true });
    const auth = authFor(sim.url, sim.apiKey);
    const result = await appTester(App.authentication.test as never, { authData: auth } as never);
    const label = (await appTester(App.authentication.connectionLabel as never, { authData: auth, inputData: result } as never)) as string;
    expect(label).toBe(`Simulator Admin @ ${new URL(sim.url).host}`);
    expect(label).not.toContain(sim.apiKey);
  });

  it.each([
    ['authorizationApiKey', 'authorization', (k: string) => `API-KEY ${k}`],
    ['apiKeyHeader', 'api-key', (k: string) => k],
    ['bearer', 'authorization', (k: string) => `Bearer ${k}`],
  ])('sends the key in the %s style', async (style, header, value) => {
    const proxy = await recordingProxy(sim.url);
    try {
      await appTester(App.authentication.test as never, { authData: authFor(proxy.url, sim.apiKey, style) } as never);
      expect(proxy.requests).toHaveLength(1);
      expect(proxy.requests[0].headers[header]).toBe(value(sim.apiKey));
      expect(proxy.requests[0].url).toBe('/session-management/sessions/filter/?limit=1');
    } finally {
      await proxy.close();
    }
  });

  it('a wrong key fails the test with the 401 and its hint, never echoing the key', async () => {
    const err = await failureOf(appTester(App.authentication.test as never, { authData: authFor(sim.url, 'wrong-key-123') } as never));
    expect(err.name).toBe('ExpiredAuthError');
    expect(ownMessage(err)).toMatch(/HTTP 401.*Check the API key/);
    expect(err.message).not.toContain('wrong-key-123');
  });

  it('a server that is not the AIKYNETIX API (a 404 web page) fails the test, naming the base URL', async () => {
    const { createServer } = await import('node:http');
    const site = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>');
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    try {
      const err = await failureOf(appTester(App.authentication.test as never, { authData: authFor(url, 'any-key-at-all') } as never));
      expect(ownMessage(err)).toContain(url);
      expect(ownMessage(err)).toMatch(/not from the AIKYNETIX API/);
      expect(err.message).not.toContain('any-key-at-all');
    } finally {
      site.close();
    }
  });

  it('a plain-http base URL off this machine is refused before anything is sent', async () => {
    const err = await failureOf(
      appTester(App.authentication.test as never, { authData: authFor('http://api.example.com', sim.apiKey) } as never),
    );
    expect(ownMessage(err)).toMatch(/must use https/);
  });
});

describe('which requests may carry the key', () => {
  it.each([
    ['https://api.aikynetix.app/running/sessions/', 'https://api.aikynetix.app', true],
    ['https://api.aikynetix.app:443/x', 'https://api.aikynetix.app', true],
    ['https://files.aikynetix.app/x.mp4', 'https://api.aikynetix.app', false],
    ['http://api.aikynetix.app/x', 'https://api.aikynetix.app', false],
    ['https://api.aikynetix.app.evil.com/x', 'https://api.aikynetix.app', false],
    ['https://gw.example.com/aikynetix/v2/x', 'https://gw.example.com/aikynetix', true],
    ['https://gw.example.com/aikynetix-other/x', 'https://gw.example.com/aikynetix', false],
    ['not a url', 'https://api.aikynetix.app', false],
  ])('%s under %s -> %s', (url, base, expected) => {
    expect(isApiUrl(url, base)).toBe(expected);
  });
});
