export * from './types';
export { pollUntil, POLL_DEFAULTS, type PollLoopOptions } from './pollUntil';
export {
  waitForSession,
  DEFAULT_SESSION_WAIT_MS,
  type WaitForSessionOptions,
  type SessionProgress,
  type WaitedSession,
} from './session';
export {
  waitForSummaryText,
  waitForFormRecommendations,
  waitForGaitRecommendations,
  hasText,
  DEFAULT_TEXT_WAIT_MS,
  type WaitForTextOptions,
  type TextProgress,
} from './genai';
export { generateThenWait, type GeneratedText } from './generateThenWait';
