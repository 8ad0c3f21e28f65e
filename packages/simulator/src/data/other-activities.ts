import type { SessionRecord } from '../store/types';
import { statusOf } from '../store/types';
import { createdAtObject } from '../util/dates';
import { createRng, round } from '../util/prng';
import { urls, type DataContext } from './context';
import { stats } from './stats';

const FPS = 30;

/** Frame series shared by the jump and lift details/exports. */
function frames(seed: string, n: number, defs: Record<string, [base: number, amp: number, hz: number]>): { timestamps: number[]; series: Record<string, number[]> } {
  const rng = createRng(seed);
  const timestamps: number[] = [];
  const series: Record<string, number[]> = {};
  for (const key of Object.keys(defs)) series[key] = [];
  for (let i = 0; i < n; i++) {
    const t = i / FPS;
    timestamps.push(round(t, 3));
    for (const [key, [base, amp, hz]] of Object.entries(defs)) {
      series[key].push(round(base + amp * Math.sin(2 * Math.PI * hz * t) + rng.gauss(amp * 0.03), 2));
    }
  }
  return { timestamps, series };
}

function keypointSeries(seed: string, n: number): Record<string, number[]> {
  const rng = createRng(`kp:${seed}`);
  const out: Record<string, number[]> = {};
  for (const name of ['lsho', 'rsho', 'lhip', 'rhip', 'lkne', 'rkne', 'lank', 'rank', 'lwri', 'rwri']) {
    const bx = rng.range(800, 1100);
    const by = rng.range(250, 950);
    out[`${name}h`] = [];
    out[`${name}v`] = [];
    for (let i = 0; i < n; i++) {
      out[`${name}h`].push(round(bx + rng.gauss(2), 1));
      out[`${name}v`].push(round(by + 60 * Math.sin((2 * Math.PI * i) / 45) + rng.gauss(2), 1));
    }
  }
  return out;
}

function baseDetails(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    session_id: s.id,
    activity: s.activity,
    title: s.title,
    created_at: createdAtObject(s.createdAt),
    user_id: s.userId,
    user_name: s.userName,
    video_url: urls.video(ctx, s.id),
    video_status: statusOf(s, ctx.now),
    segments: 1,
  };
  if (s.analyzedVideoAt) out.analyzed_video_url = urls.analyzed(ctx, s.id);
  if (s.exercise) out.exercise = s.exercise;
  return out;
}

const JUMP_DEFS: Record<string, [number, number, number]> = {
  jump_height: [38, 6, 0.1],
  flight_time: [0.55, 0.04, 0.1],
  takeoff_velocity: [2.7, 0.2, 0.1],
  power: [3900, 300, 0.1],
};
const JUMP_ANGLES: Record<string, [number, number, number]> = {
  lkne_angle: [140, 40, 0.5],
  rkne_angle: [140, 40, 0.5],
  lhip_angle: [150, 30, 0.5],
  rhip_angle: [150, 30, 0.5],
};
const LIFT_DEFS: Record<string, [number, number, number]> = {
  bar_velocity: [0.65, 0.4, 0.25],
  bar_height: [1.1, 0.45, 0.25],
  depth: [0.42, 0.05, 0.25],
};
const LIFT_ANGLES: Record<string, [number, number, number]> = {
  lkne_angle: [120, 50, 0.25],
  rkne_angle: [120, 50, 0.25],
  lhip_angle: [115, 45, 0.25],
  back_angle: [45, 15, 0.25],
};

/** Details (`export = false`) or export of a jumping or weightlifting session. */
export function otherActivityData(s: SessionRecord, ctx: DataContext, exportData: boolean): Record<string, unknown> {
  const jump = s.activity === 'Vertical Jump';
  const n = jump ? 150 : 240;
  const m = frames(`m:${s.id}`, n, jump ? JUMP_DEFS : LIFT_DEFS);
  const a = frames(`a:${s.id}`, n, jump ? JUMP_ANGLES : LIFT_ANGLES);
  if (exportData) {
    return { session_id: s.id, activity: s.activity, metrics: m.series, keypoints: keypointSeries(s.id, n), angles: a.series, all_timestamps: m.timestamps };
  }
  const calculated: Record<string, number> = {};
  for (const [k, v] of Object.entries(m.series)) {
    const st = stats(v);
    calculated[`avg_${k}`] = st.avg;
    calculated[`max_${k}`] = st.max;
  }
  const extra: Record<string, unknown> = jump ? { jumps: createRng(`j:${s.id}`).int(1, 3) } : { reps: createRng(`r:${s.id}`).int(3, 8) };
  return { ...baseDetails(s, ctx), ...extra, metrics: m.series, angles: a.series, all_timestamps: m.timestamps, calculated_metrics: calculated };
}

/** Response of `GET /weightlifting/sessions/{id}/lift-analysis/`: images and multilingual analysis. */
export function liftAnalysis(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const rng = createRng(`lift:${s.id}`);
  const depth = round(rng.range(0.35, 0.5), 2);
  const lean = round(rng.range(30, 55), 1);
  return {
    session_id: s.id,
    exercise: s.exercise ?? 'Squat',
    images: {
      start_position: urls.image(ctx, s.id, 'lift_start'),
      bottom_position: urls.image(ctx, s.id, 'lift_bottom'),
      end_position: urls.image(ctx, s.id, 'lift_end'),
    },
    analysis: {
      en: `Depth reached ${depth} m with a ${lean}° torso lean. Keep the bar over mid-foot and drive the knees out.`,
      es: `Profundidad de ${depth} m con una inclinación del torso de ${lean}°. Mantén la barra sobre el mediopié.`,
      de: `Tiefe ${depth} m bei ${lean}° Oberkörperneigung. Halte die Stange über dem Mittelfuß.`,
    },
    recommendations: {
      en: ['Brace before each rep.', lean > 45 ? 'Work on ankle mobility to stay more upright.' : 'Your torso angle is solid.'],
    },
  };
}
