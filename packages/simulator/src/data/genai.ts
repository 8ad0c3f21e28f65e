import { createRng, round } from '../util/prng';
import type { RunProfile } from './profile';

/** Formats a pace in min/km (or min/mi) as m:ss. */
function paceText(minutes: number): string {
  const m = Math.floor(minutes);
  const s = Math.round((minutes - m) * 60);
  return `${m}:${String(s === 60 ? 59 : s).padStart(2, '0')}`;
}

/** GenAI commentary of the summary endpoint (`summary_text`). */
export function summaryText(sessionId: string, p: RunProfile, totalDistance: number, totalTime: number, system: 'metric' | 'imperial' = 'metric'): Record<string, string> {
  const rng = createRng(`summary-text:${sessionId}`);
  const imperial = system === 'imperial';
  const speed = imperial ? `${round(p.speed * 2.23694, 1)} mph` : `${round(p.speed, 2)} m/s`;
  const pace = imperial ? `${paceText(26.8224 / p.speed)} min/mi` : `${paceText(16.6667 / p.speed)} min/km`;
  const distance = imperial ? `${round(totalDistance * 3.28084, 0)} ft` : `${round(totalDistance, 0)} m`;
  const stride = imperial ? `${round(((p.speed * 120) / p.cadence) * 3.28084, 2)} ft` : `${round((p.speed * 120) / p.cadence, 2)} m`;
  const cadenceAdvice = p.cadence < 170
    ? 'Try raising your cadence by about 5% with shorter, quicker steps to reduce braking forces.'
    : 'Your cadence is in an efficient range; keep it steady as you tire.';
  const balanceSide = p.balance < 50 ? 'right' : 'left';
  return {
    performance_metrics: `You averaged ${speed} (pace ${pace}) at a cadence of ${Math.round(p.cadence)} steps/min. ${cadenceAdvice}`,
    running_mechanics: `Ground contact averaged ${Math.round(p.contactTime * 1000)} ms with ${Math.round(p.flightTime * 1000)} ms of flight and a stride length of ${stride}. Your ${p.footstrike} strike ${p.footstrike === 'heel' ? 'may increase braking; land closer to your centre of mass' : 'suits your speed'}.`,
    balance_and_posture: `Load was shared ${round(p.balance, 1)}% left / ${round(100 - p.balance, 1)}% right, a slight bias to the ${balanceSide}. ${rng.pick(['Single-leg strength work can even this out.', 'Hip stability drills twice a week help here.', 'Keep your torso tall with a slight forward lean from the ankles.'])}`,
    distance_and_duration: `You covered ${distance} in ${Math.round(totalTime)} s of analysed video.`,
    final_summary: `${rng.pick(['A solid, efficient run.', 'A consistent session with room to refine form.', 'Good rhythm overall.'])} Focus next on ${p.cadence < 170 ? 'cadence' : p.footstrike === 'heel' ? 'foot strike' : 'balance'} for the biggest gain.`,
  };
}

/** GenAI comments of the running-form report (`form_comments`). */
export function formComments(sessionId: string, p: RunProfile): Record<string, string> {
  const rng = createRng(`form-comments:${sessionId}`);
  return {
    contact_angle: `Your foot contacts the ground at about ${round(p.contactAngle, 1)}° ahead of your hips. ${p.contactAngle > 10 ? 'Aim to land closer beneath you to cut braking.' : 'That is a well-controlled landing.'}`,
    hip_extension_at_foot_takeoff: `Hip extension at take-off is ${rng.pick(['good', 'slightly limited', 'strong'])}; glute activation drills will help you push off fully.`,
    foot_contact_angle_and_torso_lean: `Torso lean is ${rng.pick(['upright', 'slightly forward', 'well balanced'])}; lean from the ankles, not the waist.`,
    general_form_recommendation: `Overall your form is ${rng.pick(['efficient', 'solid', 'promising'])}. Prioritise ${p.cadence < 170 ? 'a quicker cadence' : 'a relaxed upper body'} in your next runs.`,
  };
}

/** The eight angle keys of the gait recommendations (threads and report_comments). */
export const GAIT_COMMENT_KEYS = [
  'left_posture_angle', 'left_hip_angle', 'left_knee_angle', 'left_ankle_angle',
  'right_posture_angle', 'right_hip_angle', 'right_knee_angle', 'right_ankle_angle',
] as const;

/** GenAI comments of the gait report (`report_comments`). */
export function gaitComments(sessionId: string): Record<string, string> {
  const rng = createRng(`gait-comments:${sessionId}`);
  const out: Record<string, string> = {};
  for (const key of GAIT_COMMENT_KEYS) {
    const [side, joint] = key.split('_');
    out[key] = `${side === 'left' ? 'Left' : 'Right'} ${joint}: ${rng.pick([
      'within the typical range for your speed.',
      'slightly more flexion than average at mid-stance; strengthen to stabilise.',
      'good symmetry with the other side.',
      'range of motion a little limited at take-off; add mobility work.',
    ])}`;
  }
  return out;
}
