import { flatten, type Flat, type OutputField, round, statFields, summariseSeries } from './flatten';

/** Seconds between the first and last frame timestamp, and the frame count. */
export function timing(timestamps: unknown): { frames: number | null; duration: number | null } {
  if (!Array.isArray(timestamps) || timestamps.length === 0) return { frames: null, duration: null };
  const nums = timestamps.filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
  const duration = nums.length > 1 ? round(nums[nums.length - 1] - nums[0]) : 0;
  return { frames: timestamps.length, duration };
}

/**
 * Session details (running, jumping or weightlifting): identity, links, the computed statistics,
 * and avg/min/max of every metric and angle series. The raw per-frame series stay in the API
 * (use Find Session Export for them).
 */
export function presentDetails(sessionId: string, activity: string, d: Record<string, unknown>): Flat {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const { frames, duration } = timing(d.all_timestamps);
  const out: Flat = {
    id: sessionId,
    session_id: sessionId,
    activity: str(d.activity) ?? activity,
    title: str(d.title),
    user_name: str(d.user_name),
    created_at: str(d.created_at_iso),
    video_url: str(d.video_url),
    analyzed_video_url: str(d.analyzed_video_url),
    segments: typeof d.segments === 'number' ? d.segments : null,
    frame_count: frames,
    duration_seconds: duration,
  };
  if (typeof d.summary === 'string') out.summary = d.summary;
  else flatten(d.summary, 'summary', out);
  flatten(d.calculated_metrics, 'calculated_metrics', out);
  summariseSeries(d.metrics, 'metrics', out);
  summariseSeries(d.angles, 'angles', out);
  return out;
}

const METRICS = [
  ['speed', 'Speed (m/s)'],
  ['cadence', 'Cadence (steps/min)'],
  ['distance', 'Distance (m)'],
] as const;
const ANGLES = [
  ['posture_angle', 'Posture Angle (°)'],
  ['lhip_angle', 'Left Hip Angle (°)'],
  ['rhip_angle', 'Right Hip Angle (°)'],
  ['lkne_angle', 'Left Knee Angle (°)'],
  ['rkne_angle', 'Right Knee Angle (°)'],
  ['lank_angle', 'Left Ankle Angle (°)'],
  ['rank_angle', 'Right Ankle Angle (°)'],
] as const;

/** Labels for presentDetails's keys. */
export const detailsOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'activity', label: 'Activity' },
  { key: 'title', label: 'Title' },
  { key: 'user_name', label: 'Athlete Name' },
  { key: 'created_at', label: 'Created At (UTC)', type: 'datetime' },
  { key: 'video_url', label: 'Original Video URL' },
  { key: 'analyzed_video_url', label: 'Analyzed Video URL' },
  { key: 'segments', label: 'Segments Processed', type: 'integer' },
  { key: 'frame_count', label: 'Frames Analysed', type: 'integer' },
  { key: 'duration_seconds', label: 'Analysed Duration (s)', type: 'number' },
  { key: 'summary', label: 'Summary Text' },
  ...statFields('metrics', METRICS),
  ...statFields('angles', ANGLES),
];

/** A realistic running session's details. */
export const detailsSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  activity: 'Running',
  title: 'Treadmill 12 km/h, 1% incline',
  user_name: 'Maya Lindqvist',
  created_at: '2025-02-05T18:00:00.000Z',
  video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/original.mp4',
  analyzed_video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/analyzed.mp4',
  segments: 12,
  frame_count: 1800,
  duration_seconds: 59.97,
  summary: 'Steady treadmill run with even left/right balance.',
  calculated_metrics__avg_speed: 3.35,
  calculated_metrics__max_cadence: 178,
  calculated_metrics__total_distance: 1005.2,
  metrics__speed__avg: 3.35,
  metrics__speed__min: 3.1,
  metrics__speed__max: 3.58,
  metrics__cadence__avg: 172.4,
  metrics__cadence__min: 166,
  metrics__cadence__max: 178,
  metrics__distance__avg: 502.6,
  metrics__distance__min: 0,
  metrics__distance__max: 1005.2,
  angles__lhip_angle__avg: 162.3,
  angles__lhip_angle__min: 141.9,
  angles__lhip_angle__max: 188.2,
  angles__rhip_angle__avg: 161.7,
  angles__rhip_angle__min: 140.8,
  angles__rhip_angle__max: 187.6,
  angles__lkne_angle__avg: 128.6,
  angles__lkne_angle__min: 84.2,
  angles__lkne_angle__max: 171.5,
  angles__rkne_angle__avg: 127.9,
  angles__rkne_angle__min: 83.5,
  angles__rkne_angle__max: 170.2,
  angles__posture_angle__avg: 6.0,
  angles__posture_angle__min: 4.2,
  angles__posture_angle__max: 7.8,
  angles__lank_angle__avg: 102.2,
  angles__lank_angle__min: 86.8,
  angles__lank_angle__max: 116.8,
  angles__rank_angle__avg: 101.8,
  angles__rank_angle__min: 86.6,
  angles__rank_angle__max: 116.9,
};
