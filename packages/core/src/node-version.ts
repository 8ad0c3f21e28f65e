/**
 * The oldest Node.js the published packages run on: undici 8 (the standalone transport) needs
 * 22.19, and Node 20 reached end of life in April 2026. Every package's `engines` says the same.
 */
export const MIN_NODE_VERSION = '22.19.0';

/** One line saying why `version` (e.g. `20.20.2`) is too old for `what`, or undefined when it will do. */
export function nodeVersionProblem(version: string, what = 'AIKYNETIX'): string | undefined {
  const have = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const need = MIN_NODE_VERSION.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) > need[i]) return undefined;
    if ((have[i] ?? 0) < need[i]) {
      return `${what} needs Node.js ${MIN_NODE_VERSION} or newer (Node 22 or 24 LTS); this is Node.js ${version.replace(/^v/, '')}. Please upgrade Node.js.`;
    }
  }
  return undefined;
}
