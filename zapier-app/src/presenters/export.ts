import { timing } from './details';
import type { Flat, OutputField } from './flatten';

/**
 * Zapier refuses step output much over a few MB; the full export is offered as one JSON text
 * field up to this size (counted in UTF-16 code units, close to bytes for this ASCII JSON).
 */
export const MAX_RAW_JSON_CHARS = 4_000_000;

const names = (dict: unknown): string | null => {
  if (!dict || typeof dict !== 'object' || Array.isArray(dict)) return null;
  const keys = Object.keys(dict);
  return keys.length > 0 ? keys.join(', ') : null;
};

/**
 * The raw export (keypoints, angles, metric series, contact flags) as ONE field, `raw_json`, that
 * a zap can save to a file or a spreadsheet app, plus a short description of what it holds. The
 * series are never spread over separate fields.
 */
export function presentExport(sessionId: string, activity: string, exp: Record<string, unknown>): Flat {
  const { frames, duration } = timing(exp.all_timestamps);
  const contact = Array.isArray(exp.contact) ? exp.contact : null;
  const raw = JSON.stringify(exp);
  const fits = raw.length <= MAX_RAW_JSON_CHARS;
  return {
    id: sessionId,
    session_id: sessionId,
    activity: typeof exp.activity === 'string' ? exp.activity : activity,
    frame_count: frames,
    duration_seconds: duration,
    metric_names: names(exp.metrics),
    angle_names: names(exp.angles),
    keypoint_names: names(exp.keypoints),
    contact_frames: contact ? contact.filter((c) => c === true || c === 1).length : null,
    raw_json_chars: raw.length,
    raw_json_complete: fits,
    raw_json: fits ? raw : null,
  };
}

/** Labels for presentExport's keys. */
export const exportOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'activity', label: 'Activity' },
  { key: 'frame_count', label: 'Frames', type: 'integer' },
  { key: 'duration_seconds', label: 'Duration (s)', type: 'number' },
  { key: 'metric_names', label: 'Metric Series Included' },
  { key: 'angle_names', label: 'Angle Series Included' },
  { key: 'keypoint_names', label: 'Keypoints Included' },
  { key: 'contact_frames', label: 'Frames With Foot Contact', type: 'integer' },
  { key: 'raw_json_chars', label: 'Export Size (characters)', type: 'integer' },
  { key: 'raw_json_complete', label: 'Full Export Included', type: 'boolean' },
  { key: 'raw_json', label: 'Full Export (JSON)' },
];

/** A realistic (shortened) running export. */
export const exportSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  activity: 'Running',
  frame_count: 3,
  duration_seconds: 0.067,
  metric_names: 'speed, cadence',
  angle_names: 'lkne_angle, rkne_angle',
  keypoint_names: 'left_knee, right_knee',
  contact_frames: 2,
  raw_json_chars: 331,
  raw_json_complete: true,
  raw_json:
    '{"activity":"Running","metrics":{"speed":[3.31,3.34,3.36],"cadence":[171,172,172]},"keypoints":{"left_knee":[[412,611],[415,609],[418,606]],"right_knee":[[380,640],[377,642],[374,645]]},"angles":{"lkne_angle":[171.2,163.5,150.1],"rkne_angle":[98.4,104.2,111.9]},"all_timestamps":[0,0.033,0.067],"contact":[true,true,false]}',
};
