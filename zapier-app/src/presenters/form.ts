import { athleteFields, athleteSample, flatten, type Flat, humanise, type OutputField, round, isoOf } from './flatten';

const METRICS = [
  ['speed', 'Speed (m/s)'],
  ['cadence', 'Cadence (steps/min)'],
  ['balance', 'Left/Right Balance (%)'],
  ['contact_angle', 'Contact Angle (°)'],
  ['knee_flexion', 'Knee Flexion (°)'],
  ['posture_angle', 'Posture Angle (°)'],
  ['ankle_angle', 'Ankle Angle (°)'],
  ['stride_angle', 'Stride Angle (°)'],
  ['eversion_velocity', 'Eversion Velocity (°/s)'],
  ['com_oscillation', 'Centre-of-Mass Oscillation (cm)'],
  ['mean_h', 'Mean Hip Height'],
] as const;
const IMAGES = ['contact_angle', 'push_angle', 'knee_ankle'] as const;
const COMMENTS = ['contact_angle', 'push_angle', 'knee_ankle', 'general_form_recommendation'] as const;

/** The running-form report: one value per metric, snapshot images, AI comments, athlete. */
export function presentForm(sessionId: string, report: Record<string, unknown>): Flat {
  const out: Flat = { id: sessionId, session_id: sessionId };
  const metrics = (report.metrics ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(metrics)) out[`metrics__${k}`] = typeof v === 'number' ? round(v) : null;
  flatten(report.images, 'images', out);
  const comments = report.form_comments;
  out.comments_ready = !!comments && typeof comments === 'object' && Object.keys(comments).length > 0;
  flatten(comments, 'form_comments', out);
  flatten(report.user_info, 'user_info', out);
  out.date = isoOf(report, 'date');
  return out;
}

/** Labels for presentForm's keys. */
export const formOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  ...METRICS.map(([k, label]) => ({ key: `metrics__${k}`, label, type: 'number' as const })),
  ...IMAGES.map((k) => ({ key: `images__${k}`, label: `${humanise(k)} Snapshot URL` })),
  { key: 'comments_ready', label: 'AI Comments Ready', type: 'boolean' },
  ...COMMENTS.map((k) => ({ key: `form_comments__${k}`, label: `AI Comment: ${humanise(k)}` })),
  ...athleteFields('user_info'),
  { key: 'date', label: 'Report Date (YYYY-MM-DD)', type: 'datetime' },
];

/** A realistic form report with AI comments. */
export const formSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  metrics__speed: 3.35,
  metrics__cadence: 172.4,
  metrics__balance: 50.4,
  metrics__contact_angle: 10.7,
  metrics__knee_flexion: 41.7,
  metrics__posture_angle: 7.9,
  metrics__ankle_angle: 98.3,
  metrics__stride_angle: 36.2,
  metrics__eversion_velocity: 412.5,
  metrics__com_oscillation: 7.4,
  metrics__mean_h: 1.46,
  images__contact_angle: 'https://storage.googleapis.com/aikynetix-reports/V1StGXR8Z5jdHi6BmyTq/contact_angle.jpg',
  images__push_angle: 'https://storage.googleapis.com/aikynetix-reports/V1StGXR8Z5jdHi6BmyTq/push_angle.jpg',
  images__knee_ankle: 'https://storage.googleapis.com/aikynetix-reports/V1StGXR8Z5jdHi6BmyTq/knee_ankle.jpg',
  comments_ready: true,
  form_comments__contact_angle: 'Foot lands close under the hips (10.7° contact angle): little braking.',
  form_comments__push_angle: 'Push-off is strong; finish the toe-off before swinging the leg through.',
  form_comments__knee_ankle: 'Knee and ankle stay aligned at contact: no collapse inward.',
  form_comments__general_form_recommendation: 'Keep cadence near 175 and add two strides-sessions a week.',
  ...athleteSample('user_info'),
  date: '2025-02-05',
};
