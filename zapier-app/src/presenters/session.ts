import type { ListedSession } from '@aikynetix/core/host';
import { flatten, type Flat, type OutputField } from './flatten';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A session from the listing endpoints as one flat Zapier item; `id` is the session id. */
export function presentSession(s: ListedSession): Flat {
  return {
    id: s.id,
    session_id: s.id,
    title: text(s.title),
    activity: text(s.activity),
    status: text(s.status),
    video_status: text(s.video_status),
    created_at: text(s.created_at_iso),
    exercise: text(s.exercise),
    user_id: text(s.user_id),
    user_name: text(s.user_name),
    uploaded_by_id: text(s.uploaded_uid),
    uploaded_by_name: text(s.uploaded_name),
    video_url: text(s.video_url),
    thumbnail_url: text(s.thumbnail_url),
    analyzed_video_url: text(s.analyzed_video_url),
    // The listing's per-session headline numbers (avg speed, cadence...), when the API sends them.
    ...flatten(s.metrics, 'metrics'),
  };
}

/** Labels for presentSession's keys. */
export const sessionOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'session_id', label: 'Session ID (again, for mapping)' },
  { key: 'title', label: 'Title' },
  { key: 'activity', label: 'Activity' },
  { key: 'status', label: 'Status (processing, processed or failed)' },
  { key: 'video_status', label: 'Video Status (as sent by AIKYNETIX)' },
  { key: 'created_at', label: 'Created At (UTC)', type: 'datetime' },
  { key: 'exercise', label: 'Exercise' },
  { key: 'user_id', label: 'Athlete User ID' },
  { key: 'user_name', label: 'Athlete Name' },
  { key: 'uploaded_by_id', label: 'Uploaded By (User ID)' },
  { key: 'uploaded_by_name', label: 'Uploaded By (Name)' },
  { key: 'video_url', label: 'Original Video URL' },
  { key: 'thumbnail_url', label: 'Thumbnail URL' },
  { key: 'analyzed_video_url', label: 'Analyzed Video URL' },
  { key: 'metrics__avg_speed', label: 'Average Speed (m/s)', type: 'number' },
  { key: 'metrics__avg_pace', label: 'Average Pace (min/km)', type: 'number' },
  { key: 'metrics__avg_cadence', label: 'Average Cadence (steps/min)', type: 'number' },
  { key: 'metrics__avg_power', label: 'Average Power (W)', type: 'number' },
  { key: 'metrics__avg_contact_time', label: 'Average Ground Contact Time (s)', type: 'number' },
  { key: 'metrics__avg_flight_time', label: 'Average Flight Time (s)', type: 'number' },
  { key: 'metrics__footstrike', label: 'Foot Strike Pattern' },
];

/** A realistic processed session (what Zapier shows before a real one exists). */
export const sessionSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  title: 'Treadmill 12 km/h, 1% incline',
  activity: 'Running',
  status: 'processed',
  video_status: 'Processed',
  created_at: '2025-02-05T18:00:00.000Z',
  exercise: null,
  user_id: 'athlete-7Qd2',
  user_name: 'Maya Lindqvist',
  uploaded_by_id: 'coach-19Fk',
  uploaded_by_name: 'Coach Daniel Ortiz',
  video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/original.mp4',
  thumbnail_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/thumbnail.jpg',
  analyzed_video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/analyzed.mp4',
  metrics__avg_speed: 3.35,
  metrics__avg_pace: 4.98,
  metrics__avg_cadence: 172.4,
  metrics__avg_power: 256.2,
  metrics__avg_contact_time: 0.248,
  metrics__avg_flight_time: 0.102,
  metrics__footstrike: 'midfoot',
};

/** The sample's metric fields emptied (a session that is not processed has no numbers yet). */
export const NO_METRICS: Flat = Object.fromEntries(Object.keys(sessionSample).filter((k) => k.startsWith('metrics__')).map((k) => [k, null]));
