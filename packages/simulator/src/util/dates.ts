/** Date formats the AIKYNETIX API uses. The API gives no time zone; the simulator uses UTC throughout. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** `DD/MM/YYYY` in UTC. */
export function formatDate(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `HH:MM AM/PM` in UTC (12-hour clock). */
export function formatTime(d: Date): string {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${pad(h12)}:${pad(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The `{ date, time }` object most responses use for created_at. */
export function createdAtObject(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: formatDate(d), time: formatTime(d) };
}

/** Parses a filter date `dd/mm/yyyy` to the UTC midnight timestamp, or undefined if malformed. */
export function parseFilterDate(text: string): number | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return undefined;
  return t;
}

/** Parses the update format `YYYY-MM-DD HH:MM:SS` (also accepts ISO 8601) as UTC, or undefined. */
export function parseUpdateDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (m[7]) {
    const t = Date.parse(text.trim().replace(' ', 'T'));
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(t);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return date.toISOString();
}

export const DAY_MS = 24 * 60 * 60 * 1000;
