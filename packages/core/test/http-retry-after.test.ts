import { MIN_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from '../src/http/retry';
import { RateLimitError } from '../src/errors/api';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ra = (value: string, extra: Record<string, string> = {}) => parseRetryAfter({ 'retry-after': value, ...extra }, NOW);

describe('Retry-After', () => {
  test('delta-seconds, also when a proxy repeated the header ("1, 1")', () => {
    expect(ra('2')).toBe(2000);
    expect(ra('1, 1')).toBe(1000);
    expect(ra(' 3 ,3 , 3')).toBe(3000);
  });

  test('an HTTP date, once or repeated', () => {
    expect(ra('Mon, 30 Nov 2026 12:00:05 GMT')).toBe(5000);
    expect(ra('Mon, 30 Nov 2026 12:00:05 GMT, Mon, 30 Nov 2026 12:00:05 GMT')).toBe(5000);
  });

  test('disagreeing repeats and garbage are unreadable (normal back-off applies), never a date in 2001', () => {
    for (const bad of ['1, 2', 'soon', '-1', '1e3', '0x10', 'Mon, 30 Nov 2026', '2001', '1,1 GMT']) {
      expect([bad, ra(bad)]).toEqual([bad, bad === '2001' ? 2_001_000 : undefined]);
    }
  });

  test('zero and past dates still pause a little: no zero-delay retry storm', () => {
    expect(ra('0')).toBe(MIN_RETRY_AFTER_MS);
    expect(ra('Sun, 01 Jan 2001 00:00:00 GMT')).toBe(MIN_RETRY_AFTER_MS);
    expect(parseRetryAfter({ 'retry-after-ms': '0' }, NOW)).toBe(MIN_RETRY_AFTER_MS);
  });

  test('retry-after-ms wins; an unreadable one falls back to Retry-After', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '1500', 'retry-after': '9' }, NOW)).toBe(1500);
    expect(parseRetryAfter({ 'retry-after-ms': 'x', 'retry-after': '9' }, NOW)).toBe(9000);
  });

  test('the pause before a retry is never below the minimum, whatever the header said', () => {
    for (const header of ['0', '1, 2', 'garbage', 'Sun, 01 Jan 2001 00:00:00 GMT']) {
      const err = new RateLimitError('429', { status: 429, retryAfterMs: ra(header) });
      expect(retryDelay(err, 1, 60_000)).toBeGreaterThanOrEqual(MIN_RETRY_AFTER_MS);
    }
  });
});
