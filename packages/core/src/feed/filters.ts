import { ValidationError } from '../errors/input';
import type { FeedEventType } from './types';

const EVENT_TYPES: readonly FeedEventType[] = ['created', 'processed', 'failed'];

/** Rejects an empty or unknown event list before any request. */
export function checkEvents(events: unknown): asserts events is FeedEventType[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError([{ field: 'events', rule: 'choose at least one of created, processed, failed' }]);
  }
  events.forEach((e, i) => {
    if (!EVENT_TYPES.includes(e as FeedEventType)) {
      throw new ValidationError([{ field: `events.${i}`, rule: `must be created, processed or failed (got ${JSON.stringify(e)})` }]);
    }
  });
}
