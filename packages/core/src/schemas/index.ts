/** Request field rules, response schemas and date helpers (zod v4). */
export { toIso, toIsoValue, parseDateTime, formatUpdateDate, formatFilterDate, parseFilterDate } from './dates';
export { CreatedAt, MinMaxAvg, ErrorBody, ThreadIds, SuccessBody, AnalyzedVideo } from './common';
export {
  Session,
  RawSession,
  SessionList,
  SessionsResponse,
  FilteredSessionsResponse,
  statusOf,
  normaliseSession,
  type SessionStatus,
} from './session';
export { sessionMatcher, matchesFilters, type SessionFilters } from './sessionMatch';
export { SessionDetail, SessionExport } from './activity';
export { CreatedSession, RunningSession, RunningSummary, SummaryText, UserInformation, TotalMetrics } from './running';
export {
  ReportUserInfo,
  FormAnalysisReport,
  GaitAnalysisReport,
  GaitSide,
  GaitPhase,
  GaitAngle,
  SummaryThreads,
  FormRecommendationThreads,
  GaitRecommendationThreads,
} from './reports';
export { JumpingSession, JumpingExport } from './jumping';
export { WeightliftingSession, WeightliftingExport, LiftAnalysis } from './weightlifting';
export { JOINTS, type Joint, SESSION_ID_MAX, SESSION_ID_PATTERN, SESSION_ID_RULE, MAX_IDS } from './inputs';
export { videoProblem } from './video';
export type { FieldType, FieldOption, InputMeta } from './meta';
