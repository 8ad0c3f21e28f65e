/** A GitHub markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Fixed decimals, or the text as is. */
export const fmt = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** Bytes in MB (10^6), MiB for memory. */
export const mb = (bytes) => bytes / 1e6;
export const mib = (bytes) => bytes / 1024 / 1024;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** "PASS"/"MISS" against a target predicate, for the target column. */
export const verdict = (ok) => (ok ? 'meets' : 'MISSES');
