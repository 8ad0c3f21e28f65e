import { DEFAULT_VIDEO_NAME } from './contentType';

/** The last path segment, without directories or control characters; a default when empty. */
export function cleanFilename(name: string | undefined | null): string {
  if (!name) return DEFAULT_VIDEO_NAME;
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base === '' || base === '.' || base === '..' ? DEFAULT_VIDEO_NAME : base;
}

/** The file name a URL points at (decoded last path segment). */
export function filenameFromUrl(url: URL): string {
  const segment = url.pathname.split('/').pop() ?? '';
  try {
    return cleanFilename(decodeURIComponent(segment));
  } catch {
    return cleanFilename(segment);
  }
}

/** The file name in a Content-Disposition header; `filename*` (RFC 6266/5987) wins over `filename`. */
export function filenameFromDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const charset = extended[1].trim().toLowerCase();
      const raw = extended[2].trim();
      const decoded =
        charset === 'iso-8859-1' ? unescape(raw) : decodeURIComponent(raw);
      return cleanFilename(decoded);
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return cleanFilename(quoted[1].replace(/\\(.)/g, '$1'));
  const token = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return token ? cleanFilename(token[1]) : undefined;
}
