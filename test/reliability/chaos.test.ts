/**
 * Issue 12's chaos run: ≥ 1,000 mixed operations through the core at a 20 % fault rate (a real
 * loopback proxy faulting requests the ways gateways and networks do), every result checked
 * against a fault-free read. The figures are written to .cache/chaos-figures.json and quoted in
 * docs/api-notes.md ("Reliability under faults").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChaos } from './support/chaosRun';

const SEED = Number(process.env.CHAOS_SEED ?? 20261130);
/** Fewer only to diagnose locally; the assertion below keeps CI at 1,000. */
const OPS = Number(process.env.CHAOS_OPS ?? 1000);

test('1,000 mixed operations at a 20 % fault rate: no wrong result, no duplicate, no silent write, ≥ 97 % succeed', async () => {
  const progress = process.env.CHAOS_VERBOSE ? (line: string) => process.stderr.write(`chaos: ${line}\n`) : undefined;
  const figures = await runChaos({ seed: SEED, faultRate: 0.2, operations: OPS, workers: 16, progress });
  const dir = join(__dirname, '..', '..', '.cache');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'chaos-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`chaos figures: ${JSON.stringify(figures)}\n`);
  process.stderr.write(`chaos failures: ${JSON.stringify(figures.failures)} byKind ${JSON.stringify(figures.byKind)} problems ${JSON.stringify(figures.problems)}\n`);
  expect(figures.problems).toEqual([]);
  expect(figures.operations).toBeGreaterThanOrEqual(OPS);
  expect(OPS).toBeGreaterThanOrEqual(1000);
  expect(figures.wrongResults).toBe(0);
  expect(figures.duplicateSessions).toBe(0);
  expect(figures.silentWrites).toBe(0);
  expect(figures.successRate).toBeGreaterThanOrEqual(0.97);
  // The faults really happened, every kind of them, and writes met them.
  expect(figures.requests * 0.15).toBeLessThan(Object.values(figures.faults).reduce((a, b) => a + b, 0));
  for (const n of Object.values(figures.faults)) expect(n).toBeGreaterThan(0);
  expect(figures.outcomes.recovered + figures.outcomes.notApplied + figures.outcomes.unknown).toBeGreaterThan(0);
}, 600_000);
