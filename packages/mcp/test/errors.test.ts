/** Error texts: what went wrong and what the model should do next; never a stack or a secret. */
import {
  AuthenticationError,
  ConnectionError,
  NoPlanError,
  NotFoundError,
  RateLimitError,
  ServerError,
  WaitTimeoutError,
} from '@aikynetix/core';
import { errorText } from '../src';

const KEY = 'live-key-7f3a9c2e';

describe('errorText', () => {
  it('says not to repeat an upload whose outcome is unknown, but to retry a read', () => {
    const lost = new ConnectionError('Upload Video: connection reset', { operationId: 'running.createSession', notSent: false });
    expect(errorText(lost, { tool: 'upload_video', operationId: 'running.createSession' }, [])).toMatch(/Do not upload again.*find_sessions/);
    const refused = new ConnectionError('Upload Video: connection refused', { operationId: 'running.createSession', notSent: true });
    expect(errorText(refused, { tool: 'upload_video', operationId: 'running.createSession' }, [])).toContain('temporary');
    const read = new ServerError('Get Running Summary failed (HTTP 502)', { status: 502, operationId: 'running.getSummary' });
    expect(errorText(read, { tool: 'get_running_summary', operationId: 'running.getSummary' }, [])).toContain('call the tool again');
  });

  it('points a wrong ID to find_sessions and an unprocessed session to wait_for_session', () => {
    const missing = new NotFoundError('Get Running Summary failed (HTTP 404)', { status: 404, operationId: 'running.getSummary', apiMessage: 'Session not found' });
    expect(errorText(missing, { tool: 'get_running_summary', operationId: 'running.getSummary', sessionId: 'abc' }, [])).toContain('find_sessions');
    const early = new NotFoundError('x', { status: 404, sessionStatus: 'processing', sessionId: 'abc' });
    expect(errorText(early, { tool: 'get_gait_analysis_report', operationId: 'running.getGaitAnalysis', sessionId: 'abc' }, [])).toContain('wait_for_session');
    const failed = new NotFoundError('x', { status: 404, sessionStatus: 'failed', sessionId: 'abc' });
    expect(errorText(failed, { tool: 'get_gait_analysis_report', operationId: 'running.getGaitAnalysis', sessionId: 'abc' }, [])).toMatch(/upload it again/);
  });

  it('offers demo data only where the operation has it', () => {
    const plan = (op: string) => errorText(new NoPlanError('no plan', { status: 403, operationId: op }), { tool: 't', operationId: op }, []);
    expect(plan('running.getGaitAnalysis')).toContain('demo: true');
    expect(plan('sessions.update')).not.toContain('demo');
    expect(plan('sessions.update')).toContain('upgrade');
  });

  it('passes on the rate-limit pause and says a timed-out wait failed nothing', () => {
    expect(errorText(new RateLimitError('slow down', { status: 429, retryAfterMs: 12_000 }), { tool: 't' }, [])).toContain('about 12 s');
    expect(errorText(new WaitTimeoutError('abc', 'processing', 50_000), { tool: 'wait_for_session', sessionId: 'abc' }, [])).toMatch(/Nothing failed.*again/);
  });

  it('scrubs secrets and never includes a stack', () => {
    const echoed = new AuthenticationError(`Key ${KEY} is not valid`, { status: 401 });
    const text = errorText(echoed, { tool: 't' }, [KEY]);
    expect(text).not.toContain(KEY);
    expect(text).toContain('AIKYNETIX_API_KEY');
    const unexpected = new TypeError(`boom with ${KEY}`);
    const t2 = errorText(unexpected, { tool: 'find_sessions' }, [KEY]);
    expect(t2).not.toContain(KEY);
    expect(t2).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect(t2.split('\n')).toHaveLength(1);
  });
});
