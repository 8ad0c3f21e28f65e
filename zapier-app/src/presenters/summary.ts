import { athleteFields, athleteSample, flatten, type Flat, type OutputField, statFields, isoOf } from './flatten';

const PERFORMANCE = [
  ['speed', 'Speed (m/s)'],
  ['pace', 'Pace (min/km)'],
  ['cadence', 'Cadence (steps/min)'],
  ['power', 'Power (W)'],
  ['normalized_power', 'Normalized Power (W/kg)'],
] as const;
const MECHANICS = [
  ['contact_time', 'Ground Contact Time (s)'],
  ['flight_time', 'Flight Time (s)'],
  ['stride_time', 'Stride Time (s)'],
  ['stride_length', 'Stride Length (m)'],
] as const;
const BALANCE = [
  ['balance', 'Left/Right Balance (%)'],
  ['contact_angle', 'Contact Angle (°)'],
] as const;
const TEXTS = [
  ['final_summary', 'Summary: Overall (AI)'],
  ['performance_metrics', 'Summary: Performance (AI)'],
  ['running_mechanics', 'Summary: Running Mechanics (AI)'],
  ['balance_and_posture', 'Summary: Balance and Posture (AI)'],
  ['distance_and_duration', 'Summary: Distance and Duration (AI)'],
] as const;

/**
 * The running summary as flat fields: the GenAI texts, avg/min/max per metric (the per-frame
 * `values` are dropped), distance, duration and the athlete. `summary_ready` tells a zap whether
 * the AI texts exist yet (they appear a while after Generate Summary).
 */
export function presentSummary(sessionId: string, report: Record<string, unknown>): Flat {
  const out: Flat = { id: sessionId, session_id: sessionId };
  const texts = (report.summary_text ?? {}) as Record<string, unknown>;
  for (const [key] of TEXTS) out[`summary_text__${key}`] = typeof texts[key] === 'string' ? (texts[key] as string) : null;
  out.summary_ready = typeof texts.final_summary === 'string' && texts.final_summary.trim() !== '';
  flatten(report.summary_text, 'summary_text', out);
  flatten(report.performance_metrics, 'performance_metrics', out);
  flatten(report.running_mechanics, 'running_mechanics', out);
  flatten(report.balance_and_posture, 'balance_and_posture', out);
  flatten(report.distance_and_duration, 'distance_and_duration', out);
  flatten(report.user_information, 'user_information', out);
  out.session_date = isoOf(report, 'session_date');
  return out;
}

/** Labels for presentSummary's keys. */
export const summaryOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'summary_ready', label: 'AI Summary Ready', type: 'boolean' },
  ...TEXTS.map(([k, label]) => ({ key: `summary_text__${k}`, label })),
  ...statFields('performance_metrics', PERFORMANCE),
  ...statFields('running_mechanics', MECHANICS),
  { key: 'running_mechanics__footstrike', label: 'Foot Strike Pattern' },
  ...statFields('balance_and_posture', BALANCE),
  { key: 'distance_and_duration__total_distance', label: 'Total Distance (m)', type: 'number' },
  { key: 'distance_and_duration__total_time', label: 'Total Time (s)', type: 'number' },
  ...athleteFields('user_information'),
  { key: 'session_date', label: 'Session Date (YYYY-MM-DD)', type: 'datetime' },
];

/** A realistic summary with its AI texts. */
export const summarySample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  summary_text__final_summary:
    'A smooth, efficient run: cadence is close to the 170-180 range and left/right balance is even. Work on a slightly shorter stride to reduce braking at contact.',
  summary_text__performance_metrics: 'Average speed 3.35 m/s (5:00 min/km) held steadily; power stayed within 10% of its average.',
  summary_text__running_mechanics: 'Ground contact averages 0.25 s with a midfoot strike; flight time is 0.10 s.',
  summary_text__balance_and_posture: 'Balance is 50.4% left / 49.6% right; contact angle averages 10.7°.',
  summary_text__distance_and_duration: '1.0 km in 5 minutes.',
  summary_ready: true,
  performance_metrics__speed__min: 3.1,
  performance_metrics__speed__max: 3.58,
  performance_metrics__speed__avg: 3.35,
  performance_metrics__pace__min: 4.66,
  performance_metrics__pace__max: 5.38,
  performance_metrics__pace__avg: 4.98,
  performance_metrics__cadence__min: 166,
  performance_metrics__cadence__max: 178,
  performance_metrics__cadence__avg: 172.4,
  performance_metrics__power__min: 231,
  performance_metrics__power__max: 284,
  performance_metrics__power__avg: 256.2,
  performance_metrics__normalized_power__min: 3.28,
  performance_metrics__normalized_power__max: 4.03,
  performance_metrics__normalized_power__avg: 3.66,
  running_mechanics__contact_time__min: 0.231,
  running_mechanics__contact_time__max: 0.262,
  running_mechanics__contact_time__avg: 0.248,
  running_mechanics__flight_time__min: 0.088,
  running_mechanics__flight_time__max: 0.117,
  running_mechanics__flight_time__avg: 0.102,
  running_mechanics__stride_time__min: 0.68,
  running_mechanics__stride_time__max: 0.721,
  running_mechanics__stride_time__avg: 0.698,
  running_mechanics__stride_length__min: 1.11,
  running_mechanics__stride_length__max: 1.24,
  running_mechanics__stride_length__avg: 1.17,
  running_mechanics__footstrike: 'midfoot',
  balance_and_posture__balance__min: 48.9,
  balance_and_posture__balance__max: 51.7,
  balance_and_posture__balance__avg: 50.4,
  balance_and_posture__contact_angle__min: 8.9,
  balance_and_posture__contact_angle__max: 12.6,
  balance_and_posture__contact_angle__avg: 10.7,
  distance_and_duration__total_distance: 1005.2,
  distance_and_duration__total_time: 300,
  ...athleteSample('user_information'),
  session_date: '2025-02-05',
};
