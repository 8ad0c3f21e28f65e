/** CSV for session exports: one row per timestamp, one column per series. */

type Obj = Record<string, unknown>;

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns of an export and how many rows it has. */
export interface ExportTable {
  columns: string[];
  rows: number;
  /** Scalar (non-series) fields left out of the CSV; they stay in the JSON export. */
  skipped: string[];
  /** Row `i` as CSV fields in column order. */
  row(i: number): unknown[];
}

const GROUPS = ['metrics', 'angles', 'keypoints'] as const;

/**
 * Lays an export out as a table: `timestamp`, then `metrics.<name>`, `angles.<name>`,
 * `keypoints.<name>` for every array series, then `contact`. Rows follow `all_timestamps`
 * (or the longest series when there are none); shorter series leave empty cells.
 */
export function exportTable(data: Obj): ExportTable {
  const series: Array<[string, unknown[]]> = [];
  const skipped: string[] = [];
  for (const group of GROUPS) {
    const block = data[group];
    if (!block || typeof block !== 'object') continue;
    for (const [name, value] of Object.entries(block as Obj)) {
      if (Array.isArray(value)) series.push([`${group}.${name}`, value]);
      else if (value !== undefined && value !== null) skipped.push(`${group}.${name}`);
    }
  }
  if (Array.isArray(data.contact)) series.push(['contact', data.contact]);
  const timestamps = Array.isArray(data.all_timestamps) ? (data.all_timestamps as unknown[]) : undefined;
  const rows = timestamps && timestamps.length > 0 ? timestamps.length : Math.max(0, ...series.map(([, v]) => v.length));
  return {
    columns: ['timestamp', ...series.map(([name]) => name)],
    rows,
    skipped,
    row: (i) => [timestamps ? timestamps[i] : i, ...series.map(([, v]) => v[i])],
  };
}

/** The CSV text in chunks of about `linesPerChunk` lines (header first), so large exports stream. */
export function* csvChunks(t: ExportTable, linesPerChunk = 1000): Generator<string> {
  let buf = `${t.columns.map(csvField).join(',')}\n`;
  let n = 0;
  for (let i = 0; i < t.rows; i++) {
    buf += `${t.row(i).map(csvField).join(',')}\n`;
    if (++n >= linesPerChunk) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  if (buf) yield buf;
}
