import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Aikynetix, getOperation, ValidationError } from '@aikynetix/core';
import { validateInput } from '../src/registry/validate';
import { scriptedServer } from './helpers/scriptedServer';

const issuesOf = (opId: string, input: Record<string, unknown>) => {
  try {
    validateInput(getOperation(opId), input);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
};

describe('numbers: plain decimal notation only', () => {
  test.each(['0x10', '1e1', 'Infinity', '1_0', '0b1', '--1', '1.2.3'])('incline %j is refused, naming the field', (incline) => {
    const issues = issuesOf('running.createSession', { user_id: 'u', video: '/x.mp4', incline_degree: incline });
    expect(issues.map((i) => i.field)).toContain('incline_degree');
  });
  test.each([['5', 5], [' -2.5 ', -2.5], ['+3', 3], ['.5', 0.5], [7, 7]])('incline %j is %d', (incline, n) => {
    const out = validateInput(getOperation('running.createSession'), { user_id: 'u', video: '/x.mp4', incline_degree: incline }) as Record<string, unknown>;
    expect(out.incline_degree).toBe(n);
  });
  test('the limit of Find Sessions too', () => {
    expect(issuesOf('sessions.filter', { limit: '1e1' })[0]).toMatchObject({ field: 'limit', rule: expect.stringMatching(/decimal/) });
  });
});

describe('control characters are refused in IDs and text', () => {
  test.each([
    ['running.get', { session_id: 'abc\n' }, 'session_id'],
    ['running.get', { session_id: 'a\u0000b' }, 'session_id'],
    ['sessions.getByIds', { session_ids: ['ok1', 'bad\r'] }, 'session_ids.1'],
    ['sessions.update', { session_id: 'abc', title: 'Run\r\nX-Injected: 1' }, 'title'],
    ['running.createSession', { user_id: 'u\u0000', video: '/x.mp4' }, 'user_id'],
    ['running.createSession', { user_id: 'u', session_name: 'a\nb', video: '/x.mp4' }, 'session_name'],
    ['sessions.filter', { title: '\u0007' }, 'title'],
  ])('%s %j', (op, input, field) => {
    const issues = issuesOf(op, input);
    expect(issues).toContainEqual({ field, rule: expect.stringMatching(/control characters/) });
  });
  test('a tab-free, plain title passes', () => {
    expect(() => validateInput(getOperation('sessions.update'), { session_id: 'abc', title: 'Run 5 km' })).not.toThrow();
  });
});

describe('a page cursor together with a filter is refused up front', () => {
  test('start_after_id + activity', () => {
    const issues = issuesOf('sessions.filter', { start_after_id: 'abc', activity: 'Running' });
    expect(issues).toContainEqual({ field: 'start_after_id', rule: expect.stringMatching(/cannot be combined with a filter \(activity\)/) });
  });
  test('both cursors', () => {
    expect(issuesOf('sessions.filter', { start_after_id: 'a', end_before_id: 'b' }).map((i) => i.field)).toContain('end_before_id');
  });
  test('a cursor alone, or filters alone, pass', () => {
    const op = getOperation('sessions.filter');
    expect(() => validateInput(op, { start_after_id: 'abc', limit: 5 })).not.toThrow();
    expect(() => validateInput(op, { activity: 'Running', user_id: 'u' })).not.toThrow();
  });
});

describe('video sources refused before any request', () => {
  test('a named pipe is refused (not read, so nothing hangs), and no request is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aikynetix-fifo-'));
    const fifo = join(dir, 'video.mp4');
    execFileSync('mkfifo', [fifo]);
    const server = await scriptedServer([{ status: 200, body: { session_id: 'x' } }]);
    const client = new Aikynetix({ apiKey: 'key-fifo-test', baseUrl: server.url });
    const err = await client.running.createSession({ user_id: 'u', video: fifo }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0]).toMatchObject({ field: 'video', rule: expect.stringMatching(/named pipe/) });
    expect(server.requests).toHaveLength(0);
    await server.close();
  });

  test('a missing file fails before the upload looks anything up', async () => {
    const server = await scriptedServer([{ status: 200, body: { session_id: 'x' } }]);
    const client = new Aikynetix({ apiKey: 'key-fifo-test', baseUrl: server.url });
    const err = await client.running.createSession({ user_id: 'u', video: '/nonexistent/run.mp4' }).catch((e) => e);
    expect(err.issues[0]).toMatchObject({ field: 'video', rule: expect.stringMatching(/file not found/) });
    expect(server.requests).toHaveLength(0);
    await server.close();
  });
});

describe('a password inside a video URL never leaves', () => {
  const PASSWORD = 'Pa55-w0rd-Zebra';
  const everything = (err: Error) =>
    [err.message, err.stack, JSON.stringify(err), inspect(err, { depth: 8 }), String((err as { cause?: unknown }).cause ?? '')].join('\n');

  test('an unreachable URL: message, JSON, stack, inspection and cause are clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aikynetix-url-'));
    writeFileSync(join(dir, 'x'), 'x');
    const server = await scriptedServer([{ status: 200, body: { session_id: 'x' } }]);
    const client = new Aikynetix({ apiKey: 'key-url-test', baseUrl: server.url, maxRetries: 0 });
    const err = await client.running
      .createSession({ user_id: 'u', video: `http://runner:${PASSWORD}@127.0.0.1:1/v.mp4` })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(everything(err)).not.toContain(PASSWORD);
    await server.close();
  });

  test('the credentials are sent as Basic auth to the video host (only), and a refusal names the URL without them', async () => {
    let seenAuth: string | undefined;
    const host = createServer((req, res) => {
      seenAuth = req.headers.authorization;
      res.writeHead(403).end();
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    const port = (host.address() as AddressInfo).port;
    const server = await scriptedServer([{ status: 200, body: { session_id: 'x' } }]);
    const client = new Aikynetix({ apiKey: 'key-url-test', baseUrl: server.url, maxRetries: 0 });
    const err = await client.running
      .createSession({ user_id: 'u', video: `http://runner:${PASSWORD}@127.0.0.1:${port}/v.mp4` })
      .catch((e) => e);
    expect(seenAuth).toBe(`Basic ${Buffer.from(`runner:${PASSWORD}`).toString('base64')}`);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(`127.0.0.1:${port}/v.mp4`);
    expect(everything(err)).not.toContain(PASSWORD);
    host.close();
    await server.close();
  });
});
