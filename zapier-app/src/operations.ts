import type { OperationId } from '@aikynetix/core/host';

/** One Zapier key and the registry operations it calls. */
export interface ZapierKeyOperations {
  kind: 'triggers' | 'searches' | 'creates';
  key: string;
  hidden?: boolean;
  operations: readonly OperationId[];
}

const REPORT_CHECK = 'sessions.getByIds' as const; // a 404 is checked for "session of another activity"

/**
 * The Zapier app's inventory: which operations each key calls. `scripts/ops-table.mjs` builds the
 * Zapier column of docs/operations.md from it, and test/definition.test.ts holds it to the app.
 */
export const ZAPIER_KEYS: readonly ZapierKeyOperations[] = [
  { kind: 'triggers', key: 'session_processed', operations: ['sessions.filter'] },
  { kind: 'triggers', key: 'new_session', operations: ['sessions.filter'] },
  { kind: 'triggers', key: 'session_failed', operations: ['sessions.filter'] },
  { kind: 'triggers', key: 'session_list', hidden: true, operations: ['sessions.filter'] },
  { kind: 'triggers', key: 'activity_list', hidden: true, operations: [] },
  { kind: 'triggers', key: 'athlete_list', hidden: true, operations: ['sessions.filter'] },
  { kind: 'searches', key: 'find_session', operations: ['sessions.filter'] },
  { kind: 'searches', key: 'find_athlete', operations: ['sessions.filter'] },
  { kind: 'searches', key: 'gait_analysis_report', operations: ['running.getGaitAnalysis', REPORT_CHECK] },
  { kind: 'searches', key: 'running_summary', operations: ['running.getSummary', REPORT_CHECK] },
  { kind: 'searches', key: 'running_form_report', operations: ['running.getFormAnalysis', REPORT_CHECK] },
  { kind: 'searches', key: 'session_details', operations: ['running.get', 'jumping.get', 'weightlifting.get', REPORT_CHECK] },
  { kind: 'searches', key: 'session_export', operations: ['running.export', 'jumping.export', 'weightlifting.export', REPORT_CHECK] },
  { kind: 'searches', key: 'total_metrics', operations: ['running.getTotalMetrics'] },
  { kind: 'searches', key: 'analyzed_video_url', operations: ['sessions.getAnalyzedVideo'] },
  { kind: 'searches', key: 'lift_analysis', operations: ['weightlifting.getLiftAnalysis', REPORT_CHECK] },
  { kind: 'creates', key: 'upload_video', operations: ['running.createSession'] },
  { kind: 'creates', key: 'generate_summary', operations: ['running.generateSummary'] },
  { kind: 'creates', key: 'generate_analyzed_video', operations: ['sessions.generateAnalyzedVideo'] },
  { kind: 'creates', key: 'generate_form_recommendations', operations: ['running.generateFormRecommendations'] },
  { kind: 'creates', key: 'generate_gait_recommendations', operations: ['running.generateGaitRecommendations'] },
  { kind: 'creates', key: 'update_session', operations: ['sessions.update'] },
  { kind: 'creates', key: 'delete_session', operations: ['sessions.delete'] },
];

/** operationId -> the Zapier keys that call it (`searches.find_session`, `triggers.session_list (hidden)`). */
export function keysByOperation(): Map<OperationId, string[]> {
  const out = new Map<OperationId, string[]>();
  for (const k of ZAPIER_KEYS) {
    for (const op of k.operations) out.set(op, [...(out.get(op) ?? []), `${k.kind}.${k.key}${k.hidden ? ' (hidden)' : ''}`]);
  }
  return out;
}
