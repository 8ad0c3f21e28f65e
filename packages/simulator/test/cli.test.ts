import { parseCli } from '../src/options';

describe('command-line options', () => {
  test('flags map to start options; faults combine into one scoped rule', () => {
    const o = parseCli(['--port', '8080', '--host', '0.0.0.0', '--data-dir', '/tmp/x', '--api-key', 'k', '--processing-delay-ms', '100', '--genai-delay-ms', '5', '--rate-limit', '3', '--retry-after', '2', '--drop', '1', '--drop-after', 'partial-body', '--fault-route', '/filter/'], {});
    expect(o).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/x', apiKey: 'k', processingDelayMs: 100, genAiDelayMs: 5 });
    expect(o.faults).toEqual([{ rateLimit: { count: 3, retryAfterSeconds: 2 }, drop: { count: 1, after: 'partial-body' }, route: '/filter/' }]);
  });

  test('environment variables are the fallback; flags win', () => {
    const o = parseCli(['--port', '1'], { AIKYNETIX_SIM_PORT: '2', AIKYNETIX_SIM_API_KEY: 'envkey', AIKYNETIX_SIM_FAULTS: '{"latencyMs":50}' });
    expect(o).toMatchObject({ port: 1, apiKey: 'envkey', faults: [{ latencyMs: 50 }] });
  });

  test('bad values are rejected naming the flag', () => {
    expect(() => parseCli(['--port', 'abc'], {})).toThrow(/--port must be a non-negative number/);
    expect(() => parseCli(['--drop', '1', '--drop-after', 'later'], {})).toThrow(/--drop-after/);
    expect(() => parseCli(['--frobnicate'], {})).toThrow(/frobnicate/);
  });
});
