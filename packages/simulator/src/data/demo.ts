import type { SessionRecord } from '../store/types';

/** Fixed id of the pre-generated demo sessions (20 characters, like real ids). */
export const DEMO_IDS = {
  Running: 'DemoRunningSession01',
  'Vertical Jump': 'DemoJumpingSession01',
  Weightlifting: 'DemoLiftingSession01',
} as const;

/**
 * The pre-generated demo session returned for `demo=true` on every endpoint that documents it,
 * whatever session id is in the path. It is processed and has every GenAI text already.
 */
export function demoSession(activity: keyof typeof DEMO_IDS = 'Running'): SessionRecord {
  const at = '2025-02-05T18:00:00.000Z';
  return {
    id: DEMO_IDS[activity],
    activity,
    title: activity === 'Running' ? 'Demo treadmill run' : activity === 'Vertical Jump' ? 'Demo vertical jump' : 'Demo back squat',
    userId: 'demoUser',
    userName: 'Demo Athlete',
    uploadedBy: 'demoAdmin',
    uploadedName: 'Demo Coach',
    createdAt: at,
    readyAt: at,
    outcome: 'Processed',
    inclineDegree: 1,
    bodyJointAngles: ['all'],
    exercise: activity === 'Weightlifting' ? 'Squat' : undefined,
    analyzedVideoAt: at,
    summaryRequestedAt: '2025-01-01T00:00:00.000Z',
    measurementSystem: 'metric',
    formRecommendationsAt: '2025-01-01T00:00:00.000Z',
    gaitRecommendationsAt: '2025-01-01T00:00:00.000Z',
  };
}
