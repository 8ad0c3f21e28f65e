/**
 * Date handling for the AIKYNETIX API.
 *
 * The API sends `created_at` either as `{ date: 'DD/MM/YYYY', time: 'HH:MM AM/PM' }` or as a
 * date-time string, never with a time zone. We assume UTC everywhere (decision 4 in
 * docs/api-notes.md): parsing never depends on the machine's local zone, and Date objects are
 * formatted with their UTC fields.
 */

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?$/;
/** An ISO-like date-time; without a zone it is read as UTC, with one the zone wins. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|([+-])(\d{2}):?(\d{2}))?$/i;
/** RFC 1123 / toUTCString style (`Wed, 05 Feb 2025 18:00:00 GMT`), as Python web stacks emit. */
const HTTP_DATE = /^[A-Za-z]{3},? \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|[+-]\d{4})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Builds a UTC Date from calendar parts, or null when a part is out of range (31/02, 25:00). */
function utcDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 31/02 over to 03/03: a changed day means the date does not exist.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** `HH:MM`, `HH:MM:SS`, with optional AM/PM (12 AM = 00, 12 PM = 12) -> [h, m, s]. */
function parseTime(time: string): [number, number, number] | null {
  const m = TIME.exec(time.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  const half = m[4]?.toUpperCase();
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === 'P' ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  return [h, mi, s];
}

/** `DD/MM/YYYY` or `YYYY-MM-DD` -> [y, m, d]. */
function parseDay(date: string): [number, number, number] | null {
  const s = date.trim();
  const dmy = DMY.exec(s);
  if (dmy) return [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
  const ymd = YMD.exec(s);
  if (ymd) return [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  return null;
}

/** Parses any date-time form the API or a user may give; null when it is not a real instant. */
export function parseDateTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Epoch seconds (Firestore/Python style) vs milliseconds: seconds stay below 1e11 until year 5138.
    return new Date(Math.abs(value) < 1e11 ? value * 1000 : value);
  }
  if (typeof value === 'object') return parseDateObject(value as Record<string, unknown>);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  const dt = DATE_TIME.exec(s);
  if (dt) {
    const [y, mo, d, h, mi] = dt.slice(1, 6).map(Number);
    const ms = dt[7] ? Number(dt[7].slice(0, 3).padEnd(3, '0')) : 0;
    const base = utcDate(y, mo, d, h, mi, dt[6] ? Number(dt[6]) : 0, ms);
    if (!base || !dt[9]) return base;
    const offsetMin = (dt[9] === '-' ? -1 : 1) * (Number(dt[10]) * 60 + Number(dt[11]));
    return new Date(base.getTime() - offsetMin * 60_000);
  }
  if (HTTP_DATE.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : new Date(t);
  }
  // `DD/MM/YYYY`, `YYYY-MM-DD`, optionally followed by a time (`05/02/2025 06:00 PM`).
  const space = s.indexOf(' ');
  const day = parseDay(space < 0 ? s : s.slice(0, space));
  if (!day) return null;
  const time = space < 0 ? [0, 0, 0] : parseTime(s.slice(space + 1));
  return time ? utcDate(day[0], day[1], day[2], time[0], time[1], time[2]) : null;
}

/** `{date, time}` objects, and Firestore timestamps (`{seconds}` / `{_seconds}`). */
function parseDateObject(o: Record<string, unknown>): Date | null {
  const seconds = o.seconds ?? o._seconds;
  if (typeof seconds === 'number') return parseDateTime(seconds);
  if (typeof o.date !== 'string') return null;
  const day = parseDay(o.date);
  if (!day) return null;
  const time = typeof o.time === 'string' && o.time.trim() !== '' ? parseTime(o.time) : [0, 0, 0];
  return time ? utcDate(day[0], day[1], day[2], time[0], time[1], time[2]) : null;
}

/**
 * Normalises an API `created_at` (`{date:'DD/MM/YYYY', time:'HH:MM AM/PM'}` or a date-time string)
 * to ISO 8601 in UTC, e.g. `2025-02-05T18:00:00.000Z`; null when it cannot be read.
 */
export function toIso(createdAt: unknown): string | null {
  return parseDateTime(createdAt)?.toISOString() ?? null;
}

/**
 * ISO 8601 for any date or date-time the API sends, the form every surface presents: a day on its
 * own stays a day (`05/02/2025` -> `2025-02-05`: inventing a midnight would shift it in other time
 * zones), anything with a time becomes a UTC date-time (`2025-02-05T18:00:00.000Z`). Null when
 * absent or unreadable.
 */
export function toIsoValue(value: unknown): string | null {
  if (typeof value === 'string') {
    const day = parseDay(value.trim());
    if (day) {
      const date = utcDate(day[0], day[1], day[2]);
      return date ? date.toISOString().slice(0, 10) : null;
    }
  }
  return toIso(value);
}

/** Formats a Date (UTC fields) or a date-time string for the update endpoint: `YYYY-MM-DD HH:MM:SS`. */
export function formatUpdateDate(d: Date | string): string {
  const date = parseDateTime(d);
  if (!date) throw new RangeError(`Not a valid date-time: ${describe(d)}`);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/**
 * Reads a filter date: a Date (its UTC day), `YYYY-MM-DD`, `dd/mm/yyyy` (day first) or an ISO
 * date-time. A date-time keeps the calendar day as written, even with a zone offset: hosts such
 * as Zapier send a picked day as `2025-02-05T00:00:00+02:00`, and the user meant 5 February.
 * Returns UTC midnight of that day, or null when it is not a real day.
 */
export function parseFilterDate(value: unknown): Date | null {
  const date = parseDateTime(value);
  if (!date) return null;
  const written = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null;
  if (written) return utcDate(Number(written[1]), Number(written[2]), Number(written[3]));
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Formats a day for the filter endpoint: `dd/mm/yyyy`. Throws RangeError for an invalid date. */
export function formatFilterDate(d: Date | string): string {
  const date = parseFilterDate(d);
  if (!date) throw new RangeError(`Not a valid date: ${describe(d)}`);
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCFullYear(), 4)}`;
}

/** Short, safe rendering of a bad value for messages (long inputs are cut). */
function describe(v: unknown): string {
  const s = v instanceof Date ? 'Invalid Date' : String(v);
  return `'${s.length > 40 ? `${s.slice(0, 40)}…` : s}'`;
}
