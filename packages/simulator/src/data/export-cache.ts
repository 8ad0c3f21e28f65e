import type { SessionRecord } from '../store/types';
import { runningExport } from './running';

const MAX_ENTRIES = 4;
const MIN_CACHED_SAMPLES = 2000; // only large exports are worth keeping (a few hundred KB upwards)
const cache = new Map<string, string>();

/**
 * The running export as JSON text. Large exports (benchmarks ask for 20 MB) are cached: the data
 * is a pure function of the session id and settings, and regenerating it costs ~0.6 s per request.
 */
export function runningExportJson(s: SessionRecord): string {
  const samples = s.samples ?? 0;
  if (samples < MIN_CACHED_SAMPLES) return JSON.stringify(runningExport(s));
  const key = `${s.id}|${samples}|${s.bodyJointAngles.join(',')}|${s.inclineDegree}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // refresh its position (Map keeps insertion order)
    cache.set(key, hit);
    return hit;
  }
  const text = JSON.stringify(runningExport(s));
  cache.set(key, text);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return text;
}
