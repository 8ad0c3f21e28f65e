#!/usr/bin/env node
// Runs n8n's community-package scan on n8n-nodes offline, the way n8n's verification runs it:
// the lint of the source (`SOURCE_FILE_PATTERNS`) and of every `.js` file and the package.json
// that the packed tarball publishes. Only the parts of the real scan that need the network are
// left out: the npm provenance check and the download of the attested GitHub source (our
// publish workflow provides both; see .github/workflows/publish-n8n.yml).
//
// Usage: node test/n8n-scan/scan-package.mjs  -> prints {"source":{…},"tarball":{…}} on stdout,
// each half with passed, errors, warnings and ESLint's report. Needs a built n8n-nodes/dist.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureScanner } from './install-scanner.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..', '..', 'n8n-nodes');

/** Packs n8n-nodes as it is published (pnpm rewrites workspace versions) and unpacks it. */
function packAndUnpack(work) {
  execFileSync('npx', ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', work], {
    cwd: packageDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack produced no tarball');
  const unpacked = path.join(work, 'package');
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
  return { tarball, unpacked };
}

/** Error and warning counts from ESLint's stylish summary line (absent when nothing was found). */
function counts(details) {
  const m = /(\d+) problems? \((\d+) errors?, (\d+) warnings?\)/.exec(details ?? '');
  return m ? { errors: Number(m[2]), warnings: Number(m[3]) } : { errors: 0, warnings: 0 };
}

function summary(result) {
  const { errors, warnings } = counts(result.details);
  return { passed: result.passed, message: result.message ?? null, errors, warnings, details: result.details ?? '' };
}

/**
 * A package the scan must reject (a timer and a Node stream in published code): proves the lint
 * really runs here, so a pass on ours means something.
 */
function writeCanary(work) {
  const dir = path.join(work, 'canary');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-nodes-canary', version: '0.0.1' }));
  writeFileSync(path.join(dir, 'index.js'), "const { Readable } = require('node:stream');\nsetTimeout(() => Readable.from([]), 1);\n");
  return dir;
}

const { scanner } = await ensureScanner();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scanner).href);
const work = mkdtempSync(path.join(tmpdir(), 'aikynetix-n8n-scan-'));
try {
  const { tarball, unpacked } = packAndUnpack(work);
  const source = summary(await analyzePackage(packageDir, SOURCE_FILE_PATTERNS));
  const published = summary(await analyzePackage(unpacked, ['**/*.js', 'package.json']));
  const canary = summary(await analyzePackage(writeCanary(work), ['**/*.js', 'package.json']));
  process.stdout.write(`${JSON.stringify({ sourcePatterns: SOURCE_FILE_PATTERNS, tarball, source, tarballScan: published, canary })}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
