/** One-paragraph text versions of results, for clients that show text rather than structured content. */

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A session list item as "ID (title, status, date)". */
function sessionLine(s: Record<string, unknown>): string {
  const bits = [s.title, s.status, typeof s.created_at_iso === 'string' ? s.created_at_iso.slice(0, 10) : undefined].filter(
    (b): b is string => typeof b === 'string' && b !== '',
  );
  return `${String(s.id ?? s.session_id ?? '?')}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

/** A short description of any result: session lists by item, other objects by their filled fields. */
export function describeResult(result: unknown, condensed: number): string {
  const notes = condensed > 0 ? ` ${condensed} long series or lists are condensed (statistics or first items); the export tools return everything.` : '';
  if (!isObj(result)) return `Result: ${JSON.stringify(result)}.`;
  const sessions = result.sessions;
  if (Array.isArray(sessions)) {
    if (sessions.length === 0) return 'No sessions found.';
    const shown = sessions.slice(0, 10).filter(isObj).map(sessionLine);
    const more = sessions.length > shown.length ? `, and ${sessions.length - shown.length} more` : '';
    return `${sessions.length} session(s): ${shown.join('; ')}${more}.${notes}`;
  }
  const filled = Object.entries(result).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const scalars = filled.filter(([, v]) => typeof v !== 'object').slice(0, 8);
  const nested = filled.filter(([, v]) => typeof v === 'object').map(([k]) => k);
  const parts: string[] = [];
  if (scalars.length) parts.push(scalars.map(([k, v]) => `${k}: ${typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…` : String(v)}`).join('; '));
  if (nested.length) parts.push(`sections: ${nested.slice(0, 12).join(', ')}${nested.length > 12 ? ', …' : ''}`);
  return `${parts.join('. ') || 'Empty result'}.${notes}`;
}
