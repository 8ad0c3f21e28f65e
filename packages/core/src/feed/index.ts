export * from './types';
export { pollEvents, type PollEventsResult } from './pollEvents';
export { feedSourceFromApi } from './source';
export { DEFAULT_LIMITS as FEED_DEFAULT_LIMITS } from './state';
