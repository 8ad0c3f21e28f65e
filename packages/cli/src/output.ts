import { AikynetixError, NotFoundError, ValidationError, areaOfActivity } from '@aikynetix/core';

/** One column of a table: header and how to read the cell from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

/** A cell as text: empty for null/undefined, numbers rounded to 3 decimals. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s+/g, ' ');
}

/** A plain text table with padded columns (no colours, so it pipes cleanly). */
export function table<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>): string {
  const cells = rows.map((r) => columns.map((c) => cell(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const line = (parts: string[]) => parts.map((p, i) => (i === parts.length - 1 ? p : p.padEnd(widths[i]))).join('  ');
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** `key: value` lines, keys aligned; nested objects flattened with dots. */
export function keyValues(obj: Record<string, unknown>, prefix = ''): string {
  const flat: Array<[string, string]> = [];
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (Array.isArray(value) && value.length > 8) {
      flat.push([path, `[${value.length} values]`]);
    } else {
      flat.push([path, cell(value)]);
    }
  };
  walk(obj, prefix);
  const width = Math.max(0, ...flat.map(([k]) => k.length));
  return flat.map(([k, v]) => `${(k + ':').padEnd(width + 1)} ${v}`).join('\n') + (flat.length ? '\n' : '');
}

/** Pretty JSON for stdout. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The CLI flag or argument behind each API input field, so errors name what the user typed. */
const FLAG_FOR_FIELD: Record<string, string> = {
  start_date: '--from',
  end_date: '--to',
  video_status: '--status',
  user_id: '--user',
  activity: '--activity',
  title: '--title',
  limit: '--limit',
  session_name: '--name',
  incline_degree: '--incline',
  body_joint_angles: '--joints',
  measurement_system: '--units',
  video: '<file|url>',
  session_id: '<id>',
  session_ids: '<id>',
};

/** `--from (start_date)` for a field the user set through a flag, else the field itself. */
export function fieldLabel(field: string): string {
  const root = field.split('.')[0];
  const flag = FLAG_FOR_FIELD[root];
  return flag ? `${flag} (${field})` : field;
}

/** The core's finding about a 404 in this CLI's terms (its commands), where it has one. */
function cliHint(err: AikynetixError): string | undefined {
  if (!(err instanceof NotFoundError) || !err.sessionId) return undefined;
  const id = err.sessionId;
  if (err.sessionStatus === 'processing') {
    return `The session is still being analysed: run this again once "aikynetix sessions get ${id}" shows it processed (next time, "aikynetix upload … --wait" waits for you).`;
  }
  if (err.sessionStatus === 'failed') return `AIKYNETIX could not analyse session ${id}'s video, so this will never be there: upload the video again (it becomes a new session).`;
  if (err.sessionActivity) {
    const area = areaOfActivity(err.sessionActivity);
    const flag = area === 'running' ? undefined : area;
    return `Session ${id} is a ${err.sessionActivity} session: ${flag ? `"aikynetix export ${id} --activity ${flag}" reads it; ` : ''}the reports and the summary are for running sessions.`;
  }
  return undefined;
}

/** A human error message: the message, each invalid field, and the hint. */
export function formatError(err: unknown): string {
  if (err instanceof ValidationError) {
    const lines = ['Error: invalid input', ...err.issues.map((i) => `  ${fieldLabel(i.field)}: ${i.rule}`)];
    if (err.hint) lines.push(`Hint: ${err.hint}`);
    return lines.join('\n') + '\n';
  }
  if (err instanceof AikynetixError) {
    const lines = [`Error: ${err.message}`];
    if (err.apiMessage && !err.message.includes(err.apiMessage)) lines.push(`API said: ${err.apiMessage}`);
    if (err.requestId) lines.push(`Request id: ${err.requestId}`);
    const hint = cliHint(err) ?? err.hint;
    if (hint) lines.push(`Hint: ${hint}`);
    return lines.join('\n') + '\n';
  }
  const message = err instanceof Error ? err.message : String(err);
  return `Error: ${message}\n`;
}

/** The error as JSON-safe data (the core's toJSON never holds a secret). */
export function errorJson(err: unknown, exitCode: number): Record<string, unknown> {
  const base =
    err instanceof AikynetixError
      ? err.toJSON()
      : { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
  return { error: { ...base, exitCode } };
}
