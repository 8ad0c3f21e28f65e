/**
 * On a Node.js older than the packages declare, the CLI bin and the standalone core entry stop with
 * one clear line (not undici's stack trace). An old Node is simulated by rewriting
 * `process.versions.node` in a preload, so the test runs the same on any machine; when the
 * machine's own `node` is older than required, it is run for real as well.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_NODE_VERSION, nodeVersionProblem } from '@aikynetix/core/node-version';

const BIN = join(__dirname, '..', 'dist', 'bin.js');
// The built package, as users load it (jest maps the package name to its sources).
const CORE = join(__dirname, '..', '..', 'core', 'dist', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'aikynetix-node-version-'));
const PRELOAD = join(dir, 'old-node.js');
writeFileSync(PRELOAD, "Object.defineProperty(process.versions, 'node', { value: '20.20.2' });\n");

const run = (node: string, args: string[], preload = true) =>
  spawnSync(node, [...(preload ? ['--require', PRELOAD] : []), ...args], { encoding: 'utf8', timeout: 30_000 });

const expectOneLine = (r: ReturnType<typeof spawnSync>, who: RegExp) => {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  const lines = String(r.stderr).trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(who);
  expect(lines[0]).toContain(`needs Node.js ${MIN_NODE_VERSION} or newer`);
  expect(lines[0]).toContain('this is Node.js 20.20.2');
};

test('the version rule', () => {
  expect(nodeVersionProblem('20.20.2')).toMatch(/needs Node.js 22.19.0/);
  expect(nodeVersionProblem('22.18.9')).toBeDefined();
  expect(nodeVersionProblem('v22.19.0')).toBeUndefined();
  expect(nodeVersionProblem('24.0.0')).toBeUndefined();
  expect(nodeVersionProblem('23.0.0')).toBeUndefined();
});

test('the CLI bin on an old Node: one line, exit 1', () => {
  expectOneLine(run(process.execPath, [BIN, '--version']), /^The aikynetix CLI needs/);
});

test('the standalone core entry on an old Node: one line, exit 1', () => {
  expectOneLine(run(process.execPath, ['-e', `require(${JSON.stringify(CORE)})`]), /^@aikynetix\/core needs/);
});

test('on a supported Node both work', () => {
  expect(run(process.execPath, [BIN, '--version'], false).status).toBe(0);
  expect(run(process.execPath, ['-e', `require(${JSON.stringify(CORE)})`], false).status).toBe(0);
});

test("the machine's own node, if it is older than required, gets the same one line", () => {
  const system = spawnSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const version = system.stdout?.trim();
  if (system.status !== 0 || !version || !nodeVersionProblem(version)) return; // a new enough (or no) system node
  const r = spawnSync('node', [BIN, '--version'], { encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(1);
  expect(String(r.stderr).trim().split('\n')).toEqual([nodeVersionProblem(version, 'The aikynetix CLI')]);
});
