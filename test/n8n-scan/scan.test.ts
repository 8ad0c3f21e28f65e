import { execFile } from 'node:child_process';
import path from 'node:path';

// n8n's verification scan of the package, offline: `scan-package.mjs` installs the pinned
// @n8n/scan-community-package into a cache outside the workspace and calls its `analyzePackage`
// on the source (its SOURCE_FILE_PATTERNS) and on the unpacked tarball (`**/*.js`, package.json).
// The real scan also checks npm provenance and downloads the attested GitHub source: those two
// are the only parts that need the network, and the publish workflow provides them.

interface Half {
  passed: boolean;
  message: string | null;
  errors: number;
  warnings: number;
  details: string;
}
interface ScanResult {
  sourcePatterns: string[];
  tarball: string;
  source: Half;
  tarballScan: Half;
  canary: Half;
}

const SCRIPT = path.join(__dirname, 'scan-package.mjs');

function scan(): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    // Not NODE_ENV=test (set by jest): eslint-plugin-n8n-nodes-base then checks against its own fixtures.
    const env = { ...process.env };
    delete env.NODE_ENV;
    execFile(process.execPath, [SCRIPT], { env, timeout: 14 * 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`scan-package.mjs failed: ${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ScanResult);
    });
  });
}

let result: ScanResult;

beforeAll(async () => {
  result = await scan();
  const line = (name: string, h: Half) => `${name}: ${h.passed ? 'passed' : 'FAILED'}, ${h.errors} errors, ${h.warnings} warnings`;
  console.log(
    [
      `n8n community-package scan of ${result.tarball}`,
      line(`source (${result.sourcePatterns.join(', ')})`, result.source),
      line('tarball (**/*.js, package.json)', result.tarballScan),
      result.source.details,
      result.tarballScan.details,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}, 15 * 60_000);

test('the lint really runs: a package with a timer and a Node stream is rejected', () => {
  expect(result.canary.passed).toBe(false);
  expect(result.canary.details).toContain('no-restricted-globals');
  expect(result.canary.details).toContain('no-restricted-imports');
});

test('the source passes with 0 errors', () => {
  expect(result.source.message).not.toBe('No files found to analyze');
  expect(result.source.details).toBe('');
  expect(result.source.errors).toBe(0);
  expect(result.source.passed).toBe(true);
});

test('everything the tarball publishes passes with 0 errors, the bundled core included', () => {
  expect(result.tarballScan.message).not.toBe('No files found to analyze');
  expect(result.tarballScan.details).toBe('');
  expect(result.tarballScan.errors).toBe(0);
  expect(result.tarballScan.passed).toBe(true);
});
