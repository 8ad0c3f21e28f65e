import { athleteFields, athleteSample, flatten, type Flat, humanise, type OutputField, round, summariseSeries, isoOf } from './flatten';

const SIDES = ['left', 'right'] as const;
const PHASES = ['strike', 'mid_stance', 'takeoff', 'flight', 'new_strike'] as const;
const ANGLES = ['posture_angle', 'hip_angle', 'knee_angle', 'ankle_angle'] as const;

/**
 * The gait analysis report: per side the peak time, the initiator, each phase's snapshot image
 * and frame, and avg/min/max of every joint-angle curve (the curves themselves are dropped);
 * then the GenAI comments per angle and the athlete.
 */
export function presentGait(sessionId: string, report: Record<string, unknown>): Flat {
  const out: Flat = { id: sessionId, session_id: sessionId };
  for (const side of SIDES) {
    const data = (report[side] ?? {}) as Record<string, unknown>;
    out[`${side}__peak_time`] = typeof data.peak_time === 'number' ? round(data.peak_time) : null;
    out[`${side}__initiator`] = typeof data.initiator === 'string' ? data.initiator : null;
    const phases = (data.phases ?? {}) as Record<string, Record<string, unknown> | undefined>;
    for (const [phase, snap] of Object.entries(phases)) {
      out[`${side}__phases__${phase}__image_url`] = typeof snap?.image_url === 'string' ? snap.image_url : null;
      out[`${side}__phases__${phase}__video_frame`] = typeof snap?.video_frame === 'number' ? snap.video_frame : null;
    }
    summariseSeries(data.angles, `${side}__angles`, out);
  }
  const comments = report.report_comments;
  out.comments_ready = !!comments && typeof comments === 'object' && Object.keys(comments).length > 0;
  flatten(comments, 'report_comments', out);
  flatten(report.user_info, 'user_info', out);
  out.date = isoOf(report, 'date');
  return out;
}

const sideFields = (side: (typeof SIDES)[number]): OutputField[] => {
  const S = humanise(side);
  return [
    { key: `${side}__peak_time`, label: `${S}: Peak Time`, type: 'number' },
    { key: `${side}__initiator`, label: `${S}: Movement Initiator` },
    ...PHASES.flatMap((p) => [
      { key: `${side}__phases__${p}__image_url`, label: `${S}: ${humanise(p)} Snapshot URL` },
      { key: `${side}__phases__${p}__video_frame`, label: `${S}: ${humanise(p)} Video Frame`, type: 'integer' as const },
    ]),
    ...ANGLES.flatMap((a) =>
      (['avg', 'min', 'max'] as const).map((stat) => ({
        key: `${side}__angles__${a}__${stat}`,
        label: `${S}: ${{ avg: 'Average', min: 'Minimum', max: 'Maximum' }[stat]} ${humanise(a)} (°)`,
        type: 'number' as const,
      })),
    ),
  ];
};

/** Labels for presentGait's keys. */
export const gaitOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  ...sideFields('left'),
  ...sideFields('right'),
  { key: 'comments_ready', label: 'AI Comments Ready', type: 'boolean' },
  ...SIDES.flatMap((side) =>
    ANGLES.map((a) => ({ key: `report_comments__${side}_${a}`, label: `AI Comment: ${humanise(side)} ${humanise(a)}` })),
  ),
  ...athleteFields('user_info'),
  { key: 'date', label: 'Report Date (YYYY-MM-DD)', type: 'datetime' },
];

const samplePhases = (side: string, base: number): Flat =>
  Object.fromEntries(
    PHASES.flatMap((p, i) => [
      [`${side}__phases__${p}__image_url`, `https://storage.googleapis.com/aikynetix-reports/V1StGXR8Z5jdHi6BmyTq/${side}_${p}.jpg`],
      [`${side}__phases__${p}__video_frame`, base + i * 6],
    ]),
  );

/** A realistic gait report with AI comments. */
export const gaitSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  left__peak_time: 111.1,
  left__initiator: 'hip',
  ...samplePhases('left', 120),
  left__angles__posture_angle__avg: 7.8,
  left__angles__posture_angle__min: 5.1,
  left__angles__posture_angle__max: 10.4,
  left__angles__hip_angle__avg: 162.3,
  left__angles__hip_angle__min: 141.9,
  left__angles__hip_angle__max: 188.2,
  left__angles__knee_angle__avg: 128.6,
  left__angles__knee_angle__min: 84.2,
  left__angles__knee_angle__max: 171.5,
  left__angles__ankle_angle__avg: 101.2,
  left__angles__ankle_angle__min: 82.7,
  left__angles__ankle_angle__max: 124.9,
  right__peak_time: 137.2,
  right__initiator: 'knee',
  ...samplePhases('right', 135),
  right__angles__posture_angle__avg: 8.1,
  right__angles__posture_angle__min: 5.4,
  right__angles__posture_angle__max: 10.9,
  right__angles__hip_angle__avg: 161.7,
  right__angles__hip_angle__min: 140.8,
  right__angles__hip_angle__max: 187.6,
  right__angles__knee_angle__avg: 127.9,
  right__angles__knee_angle__min: 83.5,
  right__angles__knee_angle__max: 170.2,
  right__angles__ankle_angle__avg: 100.4,
  right__angles__ankle_angle__min: 81.9,
  right__angles__ankle_angle__max: 123.8,
  comments_ready: true,
  report_comments__left_posture_angle: 'Slight forward lean (8°) is within the efficient range; keep the torso tall from the hips.',
  report_comments__left_knee_angle: 'Knee flexion at mid-stance is good; avoid locking the knee at strike.',
  report_comments__left_hip_angle: 'Hip extension at takeoff is a little short of the ideal range: add hip-flexor mobility work.',
  report_comments__left_ankle_angle: 'Ankle dorsiflexion at strike is healthy; no heel-first landing.',
  report_comments__right_hip_angle: 'Right hip mirrors the left within 1°: balanced drive.',
  report_comments__right_ankle_angle: 'Slightly earlier heel lift than on the left; calf raises will help.',
  report_comments__right_posture_angle: 'Posture mirrors the left side closely: no asymmetry to address.',
  report_comments__right_knee_angle: 'A touch more knee drive at takeoff would lengthen the stride without overstriding.',
  ...athleteSample('user_info'),
  date: '2025-02-05',
};
