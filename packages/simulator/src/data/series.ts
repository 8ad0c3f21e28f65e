import { createRng, round } from '../util/prng';
import type { RunProfile } from './profile';
import { clamp } from './stats';

/** Per-frame data of a running session. */
export interface RunSeries {
  timestamps: number[];
  metrics: Record<string, number[]>;
  angles: Record<string, number[]>;
  keypoints: Record<string, number[]>;
  contact: boolean[];
}

/** Joint -> angle keys; `posture_angle` is always reported. */
const JOINT_ANGLES: Record<string, Array<[key: string, base: number, amp: number, lag: number, side: 0 | 1]>> = {
  hip: [['lhip_angle', 162, 22, 0, 0], ['rhip_angle', 162, 22, 0, 1]],
  knee: [['lkne_angle', 138, 34, 0.8, 0], ['rkne_angle', 138, 34, 0.8, 1]],
  ankle: [['lank_angle', 102, 14, 1.6, 0], ['rank_angle', 102, 14, 1.6, 1]],
  elbow: [['lelb_angle', 86, 9, Math.PI, 0], ['relb_angle', 86, 9, Math.PI, 1]],
  shoulder: [['lsho_angle', 32, 21, Math.PI, 0], ['rsho_angle', 32, 21, Math.PI, 1]],
};

/** The joints clients may ask for in body_joint_angles. */
export const JOINTS = Object.keys(JOINT_ANGLES);

/** Keypoints as (horizontal, vertical) pixel positions in a 1920x1080 frame: base x, base y, swing. */
const KEYPOINTS: Array<[name: string, x: number, y: number, swing: number, side: 0 | 1 | 2]> = [
  ['nose', 980, 210, 6, 2],
  ['lsho', 950, 330, 14, 0], ['rsho', 1010, 330, 14, 1],
  ['lelb', 920, 450, 40, 0], ['relb', 1040, 450, 40, 1],
  ['lwri', 940, 540, 60, 0], ['rwri', 1020, 540, 60, 1],
  ['lhip', 960, 560, 10, 0], ['rhip', 1000, 560, 10, 1],
  ['lkne', 950, 730, 70, 0], ['rkne', 1010, 730, 70, 1],
  ['lank', 930, 900, 120, 0], ['rank', 1030, 900, 120, 1],
  ['lhee', 910, 930, 125, 0], ['rhee', 1010, 930, 125, 1],
  ['ltoe', 960, 945, 130, 0], ['rtoe', 1060, 945, 130, 1],
];

/** Generates the frame series from the profile; angles limited to the requested joints. */
export function runSeries(sessionId: string, p: RunProfile, joints: readonly string[], inclineDegree: number): RunSeries {
  const rng = createRng(`series:${sessionId}`);
  const n = p.samples;
  const strideHz = p.cadence / 120;
  const drift = rng.range(0, Math.PI * 2);
  const wanted = joints.includes('all') ? JOINTS : joints;

  const timestamps: number[] = [];
  const m: Record<string, number[]> = {};
  for (const k of ['speed', 'pace', 'cadence', 'power', 'normalized_power', 'contact_time', 'flight_time', 'stride_time', 'stride_length', 'rbalance', 'contact_angle', 'incline', 'distance']) {
    m[k] = [];
  }
  const angles: Record<string, number[]> = { posture_angle: [] };
  const angleDefs = wanted.flatMap((j) => JOINT_ANGLES[j] ?? []);
  for (const [key] of angleDefs) angles[key] = [];
  const keypoints: Record<string, number[]> = {};
  // Resolve every output array once: per-sample key lookups dominate large exports otherwise.
  const kp = KEYPOINTS.map(([name, x, y, swing, side]) => {
    const h: number[] = [];
    const v: number[] = [];
    keypoints[`${name}h`] = h;
    keypoints[`${name}v`] = v;
    return { x, y, swing, side, h, v };
  });
  const ang = angleDefs.map(([key, base, amp, lag, side]) => ({ arr: angles[key], base, amp, lag, side }));
  const posture = angles.posture_angle;
  const [mSpeed, mPace, mCad, mPow, mNorm, mCt, mFt, mSt, mSl, mBal, mCa, mInc, mDist] = ['speed', 'pace', 'cadence', 'power', 'normalized_power', 'contact_time', 'flight_time', 'stride_time', 'stride_length', 'rbalance', 'contact_angle', 'incline', 'distance'].map((k) => m[k]);
  const contact: boolean[] = [];
  // Per foot: on the ground contactTime out of every stride (two steps of contact + flight).
  const duty = p.contactTime / (2 * (p.contactTime + p.flightTime));
  const threshold = Math.cos(Math.PI * duty);

  let distance = 0;
  for (let i = 0; i < n; i++) {
    const t = i / p.fps;
    timestamps[i] = round(t, 3);
    const slow = Math.sin((2 * Math.PI * t) / 7 + drift);
    const speed = clamp(p.speed + 0.25 * slow + rng.gauss(0.05), 2.5, 5.5);
    const cadence = clamp(p.cadence + 3 * slow + rng.gauss(1), 150, 190);
    const strideTime = 120 / cadence;
    const power = p.weight * speed * 1.04 * (1 + inclineDegree * 0.03);
    distance += speed / p.fps;
    mSpeed[i] = round(speed, 2);
    mPace[i] = round(1000 / speed / 60, 2);
    mCad[i] = round(cadence, 1);
    mPow[i] = round(power, 1);
    mNorm[i] = round(power / p.weight, 2);
    mCt[i] = round(clamp(p.contactTime - 0.01 * slow + rng.gauss(0.004), 0.15, 0.35), 3);
    mFt[i] = round(clamp(p.flightTime + 0.008 * slow + rng.gauss(0.003), 0.04, 0.2), 3);
    mSt[i] = round(strideTime, 3);
    mSl[i] = round(speed * strideTime, 2);
    mBal[i] = round(p.balance + 0.6 * slow + rng.gauss(0.2), 1);
    mCa[i] = round(p.contactAngle + 1.2 * slow + rng.gauss(0.3), 1);
    mInc[i] = round(inclineDegree, 1);
    mDist[i] = round(distance, 2);

    const phase = 2 * Math.PI * strideHz * t;
    const bob = 8 * Math.sin(2 * phase);
    posture[i] = round(6 + 1.5 * Math.sin(2 * phase) + rng.gauss(0.2), 1);
    for (const a of ang) a.arr[i] = round(a.base + a.amp * Math.sin(phase + a.lag + a.side * Math.PI) + rng.gauss(0.6), 1);
    for (const k of kp) {
      const ph = phase + (k.side === 1 ? Math.PI : 0);
      const lift = k.side === 2 ? 0 : Math.max(0, Math.sin(ph)) * k.swing * 0.4;
      k.h[i] = round(k.x + k.swing * Math.cos(ph) + rng.gauss(1.5), 1);
      k.v[i] = round(k.y - lift + bob + rng.gauss(1.5), 1);
    }
    contact[i] = Math.cos(phase) > threshold || Math.cos(phase + Math.PI) > threshold;
  }
  return { timestamps, metrics: m, angles, keypoints, contact };
}
