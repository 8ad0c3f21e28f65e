import { redactingWriter } from '../src/io';
import { exitCodeFor } from '../src/exitCodes';
import {
  AuthenticationError,
  ConnectionError,
  NoPlanError,
  NotFoundError,
  ServerError,
  SessionFailedError,
  ValidationError,
  WaitTimeoutError,
} from '@aikynetix/core';
import { cli } from './helpers';

describe('redactingWriter', () => {
  it('replaces every occurrence of each secret, whatever the text around it', () => {
    let out = '';
    const w = redactingWriter({ write: (s: string) => (out += s), isTTY: true }, () => ['s3cr3t-key', undefined]);
    w.write('a s3cr3t-key b s3cr3t-keys3cr3t-key\n');
    expect(out).toBe('a *** b ******\n');
    expect(w.isTTY).toBe(true);
  });
});

describe('exit codes', () => {
  it.each([
    [new ValidationError([{ field: 'x', rule: 'r' }]), 2],
    [new AuthenticationError('m', { status: 401 }), 3],
    [new NoPlanError('m', { status: 403 }), 3],
    [new NotFoundError('m', { status: 404 }), 4],
    [new SessionFailedError('id'), 5],
    [new WaitTimeoutError('id', 'processing', 1000), 6],
    [new ConnectionError('m'), 7],
    [new ServerError('m', { status: 503 }), 7],
    [new Error('other'), 1],
  ])('%p -> %p', (err, code) => {
    expect(exitCodeFor(err)).toBe(code);
  });
});

describe('usage errors with --json', () => {
  it('an unknown flag gives one JSON error document on stdout and exit 2', async () => {
    const r = await cli(['sessions', 'list', '--bogus', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ name: 'UsageError', exitCode: 2 });
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('--api-key=<key> given inline is redacted from usage errors too', async () => {
    const r = await cli(['sessions', 'lisst', '--api-key=inline-key-9876']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('inline-key-9876');
  });
});
