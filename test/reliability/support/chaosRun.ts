/**
 * The seeded chaos run: mixed operations through the core and a fault-injecting proxy, each result
 * checked against a fault-free read straight from the simulator. Workers run side by side: writes
 * touch only the worker's own athlete, reads the seeded sessions nobody changes (so the fault-free
 * read is a fixed truth), and lists are checked on those seeded sessions.
 */
import { Aikynetix, AikynetixError, NotAppliedError, OutcomeUnknownError, WaitTimeoutError } from '@aikynetix/core';
import { type ChaosProxy, seeded, startChaosProxy } from './chaosProxy';
import { KEYS } from './secrets';
import { sampleVideo, startSim } from './sim';

export interface ChaosOptions {
  seed: number;
  /** Share of requests faulted by the proxy (0.2 = 20 %). */
  faultRate: number;
  /** Stop after at least this many operations. */
  operations: number;
  /** Operations running at once. */
  workers: number;
  /** Called every 100 operations (for watching a long run). */
  progress?: (line: string) => void;
}

type Kind = 'list' | 'details' | 'byIds' | 'report' | 'upload' | 'generate+wait' | 'delete';

/** What the run found; every count is over operations (not requests). */
export interface ChaosFigures {
  seed: number;
  faultRate: number;
  operations: number;
  succeeded: number;
  successRate: number;
  /** A result that differs from the fault-free read (must be 0). */
  wrongResults: number;
  /** Sessions created twice by one upload (must be 0). */
  duplicateSessions: number;
  /** Failed writes that took effect without the error saying so (must be 0). */
  silentWrites: number;
  byKind: Record<Kind, { n: number; ok: number; ms: number }>;
  outcomes: { recovered: number; notApplied: number; unknown: number; unknownSettledByWait: number; regeneratedAfterWait: number };
  failures: Record<string, number>;
  requests: number;
  faults: ChaosProxy['fired'];
  seconds: number;
  problems: string[];
}

// Session details are the simulator's most expensive answer (its joint-angle series): fewer of them
// keep the run's time in the waits and faults, not in generating test data.
const READS: Array<[Kind, number]> = [['list', 0.25], ['details', 0.1], ['byIds', 0.25], ['report', 0.4]];
const WRITES: Array<[Kind, number]> = [['upload', 0.45], ['generate+wait', 0.35], ['delete', 0.2]];
const GENERATES = [
  { gen: 'generateSummary', read: 'getSummary', field: 'summary_text', wait: 'waitForSummaryText' },
  { gen: 'generateFormRecommendations', read: 'getFormAnalysis', field: 'form_comments', wait: 'waitForFormRecommendations' },
  { gen: 'generateGaitRecommendations', read: 'getGaitAnalysis', field: 'report_comments', wait: 'waitForGaitRecommendations' },
] as const;
const REPORTS = ['getSummary', 'getFormAnalysis', 'getGaitAnalysis'] as const;
const WAIT = { intervalMs: 100, maxIntervalMs: 400, timeoutMs: 30_000 };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Runs the chaos scenario and returns its figures. */
export async function runChaos(o: ChaosOptions): Promise<ChaosFigures> {
  const started = Date.now();
  const random = seeded(o.seed ^ 0x5eed);
  const choose = <T>(table: Array<[T, number]>): T => {
    let r = random();
    for (const [v, w] of table) if ((r -= w) < 0) return v;
    return table[table.length - 1][0];
  };
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  const sim = await startSim({ processingDelayMs: 100 });
  sim.control.seed({ count: 60, processed: true, activity: 'Running', spacingMs: 60_000 });
  const proxy = await startChaosProxy(sim.url, { seed: o.seed, rate: o.faultRate });
  const clean = new Aikynetix({ apiKey: KEYS.admin, baseUrl: sim.url, maxRetries: 0 });
  const client = new Aikynetix({ apiKey: KEYS.admin, baseUrl: proxy.url, maxRetries: 4, maxRetryAfterMs: 2000, timeoutMs: 10_000 });
  const video = sampleVideo(32 * 1024);

  const f: ChaosFigures = {
    seed: o.seed, faultRate: o.faultRate, operations: 0, succeeded: 0, successRate: 0, wrongResults: 0, duplicateSessions: 0, silentWrites: 0,
    byKind: Object.fromEntries(['list', 'details', 'byIds', 'report', 'upload', 'generate+wait', 'delete'].map((k) => [k, { n: 0, ok: 0, ms: 0 }])) as ChaosFigures['byKind'],
    outcomes: { recovered: 0, notApplied: 0, unknown: 0, unknownSettledByWait: 0, regeneratedAfterWait: 0 },
    failures: {}, requests: 0, faults: proxy.fired, seconds: 0, problems: [],
  };
  const problem = (what: string) => {
    if (f.problems.length < 50) f.problems.push(what);
  };
  const failed = (err: unknown) => {
    const name = err instanceof Error ? err.name : 'unknown';
    f.failures[name] = (f.failures[name] ?? 0) + 1;
  };
  const mine: string[][] = Array.from({ length: o.workers }, () => []);
  let uploads = 0;

  /** The session ids whose names are `name`, from the fault-free side. */
  const named = async (athlete: string, name: string) =>
    (await clean.sessions.filter({ user_id: athlete, limit: 100 })).sessions.filter((s) => s.title === name).map((s) => s.id);

  async function write(kind: Kind, w: number): Promise<boolean> {
    const athlete = `chaos-athlete-${w}`;
    if (kind === 'upload') {
      const name = `chaos ${o.seed}-${w}-${++uploads}`;
      let created: { session_id: string; recovered?: boolean } | undefined;
      let error: unknown;
      try {
        created = (await client.running.createSession({ user_id: athlete, video, session_name: name })) as typeof created;
      } catch (err) {
        error = err;
      }
      const actual = await named(athlete, name);
      if (actual.length > 1) {
        f.duplicateSessions += actual.length - 1;
        problem(`upload ${name}: ${actual.length} sessions`);
      }
      if (created) {
        if (created.recovered) f.outcomes.recovered++;
        if (actual.length !== 1 || actual[0] !== created.session_id) {
          f.wrongResults++;
          problem(`upload ${name}: returned ${created.session_id}, the account has [${actual}]`);
          return false;
        }
        mine[w].push(created.session_id);
        ever.add(created.session_id);
        await client.waitForSession(created.session_id, WAIT);
        return true;
      }
      if (error instanceof NotAppliedError) f.outcomes.notApplied++;
      if (error instanceof OutcomeUnknownError) {
        f.outcomes.unknown++;
        if (actual.length === 1 && !error.candidates.includes(actual[0])) problem(`upload ${name}: unknown outcome without naming ${actual[0]}`);
      } else if (actual.length > 0) {
        f.silentWrites++;
        problem(`upload ${name}: failed with ${(error as Error).name} but created ${actual}`);
      }
      if (actual.length === 1) {
        mine[w].push(actual[0]);
        ever.add(actual[0]);
      }
      throw error;
    }
    if (kind === 'generate+wait') {
      // Only the worker's own sessions change: the seeded ones stay the fault-free reads' fixed truth.
      if (mine[w].length === 0) return write('upload', w);
      const id = pickOf(mine[w]);
      const g = pickOf(GENERATES);
      let unknown = false;
      try {
        const r = (await client.running[g.gen]({ session_id: id })) as Record<string, unknown>;
        if (r.recovered) f.outcomes.recovered++;
      } catch (err) {
        if (!(err instanceof OutcomeUnknownError)) throw err;
        f.outcomes.unknown++;
        unknown = true;
      }
      let ready: Record<string, unknown>;
      if (!unknown) {
        ready = (await client[g.wait](id, WAIT)) as Record<string, unknown>;
      } else {
        // What its message says: do not generate again yet; wait and look (the simulator's GenAI takes
        // 50 ms, so 5 s stands for the message's "a few minutes"); generate again only if still missing.
        try {
          ready = (await client[g.wait](id, { ...WAIT, timeoutMs: 5000 })) as Record<string, unknown>;
          f.outcomes.unknownSettledByWait++;
        } catch (err) {
          if (!(err instanceof WaitTimeoutError)) throw err;
          f.outcomes.regeneratedAfterWait++;
          await client.running[g.gen]({ session_id: id });
          ready = (await client[g.wait](id, WAIT)) as Record<string, unknown>;
        }
      }
      const truth = (await clean.running[g.read]({ session_id: id })) as Record<string, unknown>;
      if (!same(ready[g.field], truth[g.field])) {
        f.wrongResults++;
        problem(`${g.gen} ${id}: the wait returned other text than the fault-free read`);
        return false;
      }
      return true;
    }
    // delete: one of this athlete's own sessions
    const id = mine[w].pop();
    if (id === undefined) return write('upload', w);
    let error: unknown;
    try {
      await client.sessions.delete({ session_id: id });
    } catch (err) {
      error = err;
    }
    const left = (await clean.sessions.getByIds({ session_ids: [id] })).sessions.length;
    if (!error && left !== 0) {
      f.wrongResults++;
      problem(`delete ${id}: reported deleted, still there`);
      return false;
    }
    if (error) {
      if (left === 0 && !(error instanceof OutcomeUnknownError)) {
        f.silentWrites++;
        problem(`delete ${id}: failed with ${(error as Error).name} but the session is gone`);
      }
      if (left !== 0) mine[w].push(id);
      throw error;
    }
    return true;
  }

  /** Every session that existed at some point (lists may see a worker's session just before its deletion). */
  const ever = new Set<string>();
  async function read(kind: Kind): Promise<boolean> {
    if (kind === 'list') {
      const params = { pageSize: pickOf([20, 50]), max: 20 + Math.floor(random() * 80) };
      const got: string[] = [];
      for await (const s of client.sessions.iterate(params)) got.push(s.id);
      const truth: string[] = [];
      for await (const s of clean.sessions.iterate({ pageSize: 100 })) truth.push(s.id);
      for (const id of truth) ever.add(id);
      // Workers add and delete their own sessions meanwhile: the seeded ones must come exactly,
      // in order, as far as the listing reached; nothing twice; nothing that never existed.
      const stable = (ids: string[]) => ids.filter((id) => seededSet.has(id));
      const reached = stable(got);
      return check(
        new Set(got).size === got.length &&
          got.every((id) => ever.has(id)) &&
          same(reached, stable(truth).slice(0, reached.length)) &&
          (got.length === params.max || got.length === truth.length || reached.length === seededIds.length),
        `list ${JSON.stringify(params)}: ${got.length} ids`,
      );
    }
    if (kind === 'byIds') {
      const ids = [...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => pickOf(seededIds)))];
      const got = await client.sessions.getByIds({ session_ids: ids });
      return check(same(got, await clean.sessions.getByIds({ session_ids: ids })), `byIds ${ids}`);
    }
    const id = pickOf(seededIds);
    const op = kind === 'details' ? 'get' : pickOf(REPORTS);
    const got = await client.running[op]({ session_id: id });
    return check(same(got, await clean.running[op]({ session_id: id })), `${op} ${id}`);
  }
  const check = (ok: boolean, what: string) => {
    if (!ok) {
      f.wrongResults++;
      problem(`wrong result: ${what}`);
    }
    return ok;
  };

  const run = async (kind: Kind, body: () => Promise<boolean>) => {
    f.operations++;
    if (o.progress && f.operations % 100 === 0) o.progress(`${f.operations} ops, ${f.succeeded} ok, ${Math.round((Date.now() - started) / 1000)} s`);
    f.byKind[kind].n++;
    const t0 = Date.now();
    try {
      if (await body()) {
        f.succeeded++;
        f.byKind[kind].ok++;
      }
    } catch (err) {
      failed(err);
      if (!(err instanceof AikynetixError)) problem(`${kind}: unexpected ${String(err)}`);
    } finally {
      f.byKind[kind].ms += Date.now() - t0;
    }
  };

  const seededIds: string[] = [];
  for await (const s of clean.sessions.iterate({ pageSize: 100 })) seededIds.push(s.id);
  const seededSet = new Set(seededIds);
  for (const id of seededIds) ever.add(id);

  try {
    // Workers run side by side; each one's writes touch only its own athlete's sessions.
    await Promise.all(
      Array.from({ length: o.workers }, async (_, w) => {
        while (f.operations < o.operations) {
          if (random() < 0.3) {
            const kind = choose(WRITES);
            await run(kind, () => write(kind, w));
          } else {
            const kind = choose(READS);
            await run(kind, () => read(kind));
          }
        }
      }),
    );
  } finally {
    f.requests = proxy.requests;
    f.successRate = f.operations === 0 ? 0 : f.succeeded / f.operations;
    f.seconds = Math.round((Date.now() - started) / 100) / 10;
    await client.close();
    await clean.close();
    await proxy.close();
    await sim.close();
  }
  return f;
}
