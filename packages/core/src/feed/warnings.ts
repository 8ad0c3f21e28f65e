import type { FeedWarning } from './types';

/** Sessions no longer watched for processed/failed, named so the user can look them up. */
export function givenUpWarning(ids: string[]): FeedWarning {
  return {
    code: 'pending_given_up',
    count: ids.length,
    sessionIds: ids,
    message:
      `${ids.length} session(s) still processing are no longer watched (processing for more than 3 days, or more than ` +
      '5,000 processing at once): their Processed/Failed events will not fire. Check them with Get by IDs.',
  };
}

const WHY = {
  large: 'the account is too large for the trigger to read in full (more than 20,000 sessions)',
  unverified: 'the trigger has no fingerprint of the account yet (first check after an upgrade)',
  undecodable: 'too many sessions changed at once below the newest ones (more than about 200)',
} as const;

/** Sessions appeared that the feed could not pin down to ids (so their events may be missing). */
export function unaccountedWarning(count: number, why: keyof typeof WHY): FeedWarning {
  return {
    code: 'sessions_unaccounted',
    count,
    message:
      `${count} session(s) appeared in the account below the newest ones (usually a recorded date moved into the past ` +
      `with Update Session) and could not be identified, because ${WHY[why]}. Their events may not fire: check Find Sessions.`,
  };
}
