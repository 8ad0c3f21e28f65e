import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Minimal typing of the parts of an OpenAPI 3.1 document the simulator uses. */
export interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
}

/**
 * Where docs/openapi.json is looked for: an explicit path, the repository's docs/ (freshest while
 * developing), then the copy packaged next to dist/ by the build.
 */
export function openApiCandidates(explicit?: string): string[] {
  const pkgRoot = path.resolve(__dirname, '..', '..');
  return [
    ...(explicit ? [explicit] : []),
    ...(process.env.AIKYNETIX_SIM_OPENAPI ? [process.env.AIKYNETIX_SIM_OPENAPI] : []),
    path.resolve(pkgRoot, '..', '..', 'docs', 'openapi.json'),
    path.join(pkgRoot, 'openapi.json'),
  ];
}

/** Loads the OpenAPI document, or returns undefined when none of the candidate files exists. */
export function loadOpenApi(explicit?: string): { doc: OpenApiDoc; file: string } | undefined {
  for (const file of openApiCandidates(explicit)) {
    if (!existsSync(file)) continue;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;
    if (!doc.paths) throw new Error(`${file} is not an OpenAPI document (no "paths")`);
    return { doc, file };
  }
  return undefined;
}
