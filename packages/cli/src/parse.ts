import { UsageError } from './usage';

/** A whole number >= min from a flag value, or a UsageError naming the flag. */
export function intFlag(flag: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`${flag} must be a whole number of at least ${min} (got "${value}")`);
  }
  return n;
}

/** Seconds (decimals allowed, > 0) from a flag value, as milliseconds. */
export function secondsFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag} must be a number of seconds greater than 0 (got "${value}")`);
  }
  return Math.round(n * 1000);
}

/** One of a fixed set of words (any case), or a UsageError listing them. */
export function choiceFlag<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const hit = choices.find((c) => c.toLowerCase() === value.trim().toLowerCase());
  if (!hit) throw new UsageError(`${flag} must be one of ${choices.join(', ')} (got "${value}")`);
  return hit;
}

/** Activity names as people type them, mapped to the API's filter values. */
const ACTIVITY_ALIASES: Record<string, string> = {
  running: 'Running',
  run: 'Running',
  weightlifting: 'Weightlifting',
  lifting: 'Weightlifting',
  jumping: 'Vertical Jump',
  jump: 'Vertical Jump',
  'vertical jump': 'Vertical Jump',
  mobility: 'Mobility Assessment',
  'mobility assessment': 'Mobility Assessment',
};

/** `--activity running` -> `Running`; unknown words pass through for the core to reject by name. */
export function activityFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return ACTIVITY_ALIASES[value.trim().toLowerCase()] ?? value;
}
