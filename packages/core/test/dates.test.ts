import { formatFilterDate, formatUpdateDate, parseDateTime, parseFilterDate, toIso } from '../src/schemas/dates';

describe('toIso: created_at to ISO 8601, UTC assumed', () => {
  test.each<[string, unknown, string | null]>([
    ['evening', { date: '05/02/2025', time: '06:00 PM' }, '2025-02-05T18:00:00.000Z'],
    ['12 AM is midnight', { date: '05/02/2025', time: '12:00 AM' }, '2025-02-05T00:00:00.000Z'],
    ['12:30 AM', { date: '05/02/2025', time: '12:30 AM' }, '2025-02-05T00:30:00.000Z'],
    ['12 PM is noon', { date: '05/02/2025', time: '12:00 PM' }, '2025-02-05T12:00:00.000Z'],
    ['12:59 PM', { date: '05/02/2025', time: '12:59 PM' }, '2025-02-05T12:59:00.000Z'],
    ['11:59 PM', { date: '31/12/2024', time: '11:59 PM' }, '2024-12-31T23:59:00.000Z'],
    ['lower-case pm, no space', { date: '5/2/2025', time: '6:07pm' }, '2025-02-05T18:07:00.000Z'],
    ['24-hour time', { date: '05/02/2025', time: '18:00' }, '2025-02-05T18:00:00.000Z'],
    ['date only', { date: '05/02/2025' }, '2025-02-05T00:00:00.000Z'],
    ['leap day', { date: '29/02/2024', time: '01:00 AM' }, '2024-02-29T01:00:00.000Z'],
    ['ISO without zone', '2025-02-05T18:00:00', '2025-02-05T18:00:00.000Z'],
    ['ISO with fraction', '2025-02-05T18:00:00.123456', '2025-02-05T18:00:00.123Z'],
    ['ISO with Z', '2025-02-05T18:00:00Z', '2025-02-05T18:00:00.000Z'],
    ['ISO with offset', '2025-02-05T18:00:00+02:00', '2025-02-05T16:00:00.000Z'],
    ['offset without colon', '2025-02-05 18:00:00-0130', '2025-02-05T19:30:00.000Z'],
    ['update format', '2025-02-05 18:00:00', '2025-02-05T18:00:00.000Z'],
    ['HTTP date', 'Wed, 05 Feb 2025 18:00:00 GMT', '2025-02-05T18:00:00.000Z'],
    ['dd/mm/yyyy with time', '05/02/2025 06:00 PM', '2025-02-05T18:00:00.000Z'],
    ['Firestore timestamp', { _seconds: 1738778400, _nanoseconds: 0 }, '2025-02-05T18:00:00.000Z'],
    ['epoch ms', 1738778400000, '2025-02-05T18:00:00.000Z'],
    ['impossible day', { date: '31/02/2025', time: '06:00 PM' }, null],
    ['13 PM', { date: '05/02/2025', time: '13:00 PM' }, null],
    ['0 AM', { date: '05/02/2025', time: '00:30 AM' }, null],
    ['minute 60', { date: '05/02/2025', time: '06:60 PM' }, null],
    ['month 13', '2025-13-01T00:00:00Z', null],
    ['30 February ISO', '2025-02-30T10:00:00Z', null],
    ['garbage', 'yesterday', null],
    ['empty', '', null],
    ['null', null, null],
    ['object without date', { time: '06:00 PM' }, null],
    ['invalid Date', new Date('nope'), null],
  ])('%s', (_name, input, expected) => {
    expect(toIso(input)).toBe(expected);
  });

  test('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(toIso({ date: '05/02/2025', time: '06:00 PM' })).toBe('2025-02-05T18:00:00.000Z');
      expect(formatFilterDate(new Date(Date.UTC(2025, 1, 5, 23, 30)))).toBe('05/02/2025');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('update and filter formats', () => {
  test('formatUpdateDate: YYYY-MM-DD HH:MM:SS from Date (UTC fields) and strings', () => {
    expect(formatUpdateDate(new Date(Date.UTC(2025, 1, 5, 18, 0, 7)))).toBe('2025-02-05 18:00:07');
    expect(formatUpdateDate('2025-02-05T18:00:00+01:00')).toBe('2025-02-05 17:00:00');
    expect(formatUpdateDate('2025-02-05')).toBe('2025-02-05 00:00:00');
    expect(formatUpdateDate('05/02/2025 12:15 AM')).toBe('2025-02-05 00:15:00');
    expect(() => formatUpdateDate('2025-02-29 10:00:00')).toThrow(RangeError);
    expect(() => formatUpdateDate(new Date('x'))).toThrow(/Not a valid date-time/);
  });

  test('formatFilterDate: dd/mm/yyyy from Date, YYYY-MM-DD, dd/mm/yyyy and ISO date-times', () => {
    expect(formatFilterDate(new Date(Date.UTC(2025, 0, 9)))).toBe('09/01/2025');
    expect(formatFilterDate('2025-01-09')).toBe('09/01/2025');
    expect(formatFilterDate('9/1/2025')).toBe('09/01/2025');
    // The day as written, whatever the offset (a host's date picker sends local midnight).
    expect(formatFilterDate('2025-01-09T23:30:00-01:00')).toBe('09/01/2025');
    expect(formatFilterDate('2025-01-09T00:00:00+02:00')).toBe('09/01/2025');
    expect(() => formatFilterDate('31/02/2025')).toThrow(RangeError);
    expect(() => formatFilterDate('02/13/2025')).toThrow(/Not a valid date/);
  });

  test('parseFilterDate returns UTC midnight or null', () => {
    expect(parseFilterDate('05/02/2025')?.toISOString()).toBe('2025-02-05T00:00:00.000Z');
    expect(parseFilterDate(new Date(Date.UTC(2025, 1, 5, 18)))?.toISOString()).toBe('2025-02-05T00:00:00.000Z');
    expect(parseFilterDate('2025-02-05 18:00:00')?.toISOString()).toBe('2025-02-05T00:00:00.000Z');
    for (const bad of ['31/02/2025', '00/01/2025', '2025/02/05', '5-2-2025', 'today', '']) {
      expect(parseFilterDate(bad)).toBeNull();
    }
  });

  test('round trips: filter format, update format and API created_at agree on the instant', () => {
    for (let day = 0; day < 400; day += 7) {
      const d = new Date(Date.UTC(2024, 0, 1 + day, day % 24, (day * 7) % 60, 0));
      const filter = formatFilterDate(d);
      expect(formatFilterDate(filter)).toBe(filter);
      expect(parseFilterDate(filter)?.getTime()).toBe(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const update = formatUpdateDate(d);
      expect(parseDateTime(update)?.getTime()).toBe(d.getTime());
      expect(formatUpdateDate(update)).toBe(update);
      // The API echoes the instant back as {date, time} with minute resolution and 12-hour clock.
      const h = d.getUTCHours();
      const time = `${String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
      expect(toIso({ date: filter, time })).toBe(d.toISOString());
    }
  });
});
