import { flatten, type Flat, type OutputField, statFields } from './flatten';

const LAST = [
  ['speed', 'Speed (m/s)'],
  ['pace', 'Pace (min/km)'],
  ['cadence', 'Cadence (steps/min)'],
  ['power', 'Power (W)'],
  ['normalized_power', 'Normalized Power (W/kg)'],
  ['contact_time', 'Ground Contact Time (s)'],
  ['flight_time', 'Flight Time (s)'],
  ['stride_time', 'Stride Time (s)'],
  ['stride_length', 'Stride Length (m)'],
  ['contact_angle', 'Contact Angle (°)'],
  ['rbalance', 'Right Balance (%)'],
  ['incline', 'Incline (°)'],
] as const;

/** Account-wide running averages plus the latest session's statistics. */
export function presentTotalMetrics(report: Record<string, unknown>): Flat {
  const created = typeof report.last_session_created_at_iso === 'string' ? report.last_session_created_at_iso : null;
  // One item per account snapshot: the id changes whenever a newer session is counted.
  const out: Flat = { id: `total-metrics-${created ?? 'none'}` };
  flatten(report.avg_metrics, 'avg_metrics', out);
  flatten(report.last_session_metrics, 'last_session_metrics', out);
  out.last_session_created_at = created;
  return out;
}

/** Labels for presentTotalMetrics's keys. */
export const totalMetricsOutputFields: OutputField[] = [
  { key: 'avg_metrics__avg_speed', label: 'All Sessions: Average Speed (m/s)', type: 'number' },
  { key: 'avg_metrics__avg_power', label: 'All Sessions: Average Power (W)', type: 'number' },
  { key: 'avg_metrics__avg_cadence', label: 'All Sessions: Average Cadence (steps/min)', type: 'number' },
  { key: 'avg_metrics__avg_flight_time', label: 'All Sessions: Average Flight Time (s)', type: 'number' },
  ...statFields('last_session_metrics', LAST, 'Last Session: '),
  { key: 'last_session_metrics__total_distance', label: 'Last Session: Total Distance (m)', type: 'number' },
  { key: 'last_session_metrics__total_time', label: 'Last Session: Total Time (s)', type: 'number' },
  { key: 'last_session_metrics__footstrike', label: 'Last Session: Foot Strike Pattern' },
  { key: 'last_session_created_at', label: 'Last Session: Created At (UTC)', type: 'datetime' },
];

/** A realistic account snapshot. */
export const totalMetricsSample: Flat = {
  id: 'total-metrics-2025-02-05T18:00:00.000Z',
  avg_metrics__avg_speed: 3.21,
  avg_metrics__avg_power: 248.7,
  avg_metrics__avg_cadence: 170.9,
  avg_metrics__avg_flight_time: 0.099,
  last_session_metrics__speed__avg: 3.35,
  last_session_metrics__speed__min: 3.1,
  last_session_metrics__speed__max: 3.58,
  last_session_metrics__cadence__avg: 172.4,
  last_session_metrics__cadence__min: 166,
  last_session_metrics__cadence__max: 178,
  last_session_metrics__power__avg: 256.2,
  last_session_metrics__power__min: 231,
  last_session_metrics__power__max: 284,
  last_session_metrics__contact_time__avg: 0.248,
  last_session_metrics__contact_time__min: 0.231,
  last_session_metrics__contact_time__max: 0.262,
  last_session_metrics__pace__avg: 4.98,
  last_session_metrics__pace__min: 4.66,
  last_session_metrics__pace__max: 5.38,
  last_session_metrics__normalized_power__avg: 3.66,
  last_session_metrics__normalized_power__min: 3.28,
  last_session_metrics__normalized_power__max: 4.03,
  last_session_metrics__flight_time__avg: 0.102,
  last_session_metrics__flight_time__min: 0.088,
  last_session_metrics__flight_time__max: 0.117,
  last_session_metrics__stride_time__avg: 0.698,
  last_session_metrics__stride_time__min: 0.68,
  last_session_metrics__stride_time__max: 0.721,
  last_session_metrics__stride_length__avg: 1.17,
  last_session_metrics__stride_length__min: 1.11,
  last_session_metrics__stride_length__max: 1.24,
  last_session_metrics__contact_angle__avg: 10.7,
  last_session_metrics__contact_angle__min: 8.9,
  last_session_metrics__contact_angle__max: 12.6,
  last_session_metrics__rbalance__avg: 49.6,
  last_session_metrics__rbalance__min: 48.3,
  last_session_metrics__rbalance__max: 51.1,
  last_session_metrics__incline__avg: 1,
  last_session_metrics__incline__min: 1,
  last_session_metrics__incline__max: 1,
  last_session_metrics__total_distance: 1005.2,
  last_session_metrics__total_time: 300,
  last_session_metrics__footstrike: 'midfoot',
  last_session_created_at: '2025-02-05T18:00:00.000Z',
};
