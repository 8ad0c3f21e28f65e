import type { Session } from '../schemas/session';
import type { Fingerprint } from './fingerprint';
import type { Budget } from './scan';
import { appeared, sweep, type SweepResult } from './sweep';
import type { FeedLimits, FeedSource, FeedWarning, PollStats } from './types';
import { unaccountedWarning } from './warnings';

/** What one poll works with. */
export interface Ctx {
  source: FeedSource;
  limits: FeedLimits;
  nowMinute: number;
  budget: Budget;
  stats: PollStats;
}

/** A full read of the list, counted in this poll's cost. */
export async function sweepNow(ctx: Ctx): Promise<SweepResult> {
  const sw = await sweep(ctx.source, ctx.limits.sweepMaxPages, ctx.limits.fingerprintCells);
  ctx.budget.pages += sw.pages;
  ctx.budget.sessionsRead += sw.sessions.length;
  ctx.stats.swept = true;
  return sw;
}

/**
 * Whether sessions appeared where the scans do not look (a recorded date moved into the past, a
 * minute that was closed, a burst whose cursor was lost) or vanished unseen: the account's count
 * does not add up, or the periodic check is due. Returns the sessions found, and the new count
 * and fingerprint.
 */
export async function reconcile(
  ctx: Ctx,
  believed: { n?: number; fp?: Fingerprint; swept?: number },
  warnings: FeedWarning[],
): Promise<{ found: Session[]; n?: number; fp?: Fingerprint; swept?: number }> {
  const total = ctx.budget.total;
  const countOff = total !== undefined && believed.n !== undefined && total !== believed.n;
  const dueMinutes = Math.max(1, Math.floor(ctx.limits.sweepEveryMs / 60000));
  const due = believed.swept === undefined || ctx.nowMinute - believed.swept >= dueMinutes;
  const unverified = believed.fp === undefined || believed.fp.size !== ctx.limits.fingerprintCells;
  if (!countOff && !due && !unverified) return { found: [], n: believed.n, fp: believed.fp, swept: believed.swept };
  if (unverified && !countOff && !due) return { found: [], n: total ?? believed.n, swept: believed.swept };
  if ((total ?? believed.n ?? 0) > ctx.limits.sweepMaxPages * 100) {
    // Known to be too large to read: don't spend the budget finding that out again.
    if (countOff && total! > believed.n!) warnings.push(unaccountedWarning(total! - believed.n!, 'large'));
    return { found: [], n: total ?? believed.n, swept: ctx.nowMinute };
  }

  const sw = await sweepNow(ctx);
  if (!sw.complete) {
    // Too large to read within the budget (or it moved while read): say what does not add up.
    if (countOff && total! > believed.n!) warnings.push(unaccountedWarning(total! - believed.n!, 'large'));
    return { found: [], n: sw.total ?? total, swept: ctx.nowMinute };
  }
  const next = { n: sw.sessions.length, fp: sw.fp, swept: ctx.nowMinute };
  if (unverified) {
    // No fingerprint to compare with (an older state, or an account that was too large).
    if (countOff && total! > believed.n!) warnings.push(unaccountedWarning(total! - believed.n!, 'unverified'));
    return { found: [], ...next };
  }
  const found = appeared(believed.fp!, sw);
  if (!found) {
    warnings.push(unaccountedWarning(Math.max(1, Math.abs(sw.sessions.length - (believed.n ?? 0))), 'undecodable'));
    return { found: [], ...next };
  }
  ctx.stats.recovered = found.length;
  return { found, ...next };
}

