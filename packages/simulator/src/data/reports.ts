import type { SessionRecord } from '../store/types';
import { genAiReady } from '../store/types';
import { formatDate } from '../util/dates';
import { createRng, round } from '../util/prng';
import { urls, type DataContext } from './context';
import { formComments, gaitComments } from './genai';
import { runProfile, userInfo } from './profile';
import { stats } from './stats';
import { runData } from './running';

/** Context the reports need about the account. */
export interface ReportAccount {
  sessionCount: number;
  lastSessionDate: string;
}

/** Response of `POST /running/sessions/{id}/form-analysis/`; form_comments once generated. */
export function formAnalysis(s: SessionRecord, ctx: DataContext, account: ReportAccount): Record<string, unknown> {
  const { profile, series } = runData(s);
  const rng = createRng(`form:${s.id}`);
  const avg = (values: number[]): number => stats(values).avg;
  const ankle = series.angles.lank_angle ?? series.angles.rank_angle;
  const out: Record<string, unknown> = {
    metrics: {
      speed: avg(series.metrics.speed),
      balance: avg(series.metrics.rbalance),
      cadence: avg(series.metrics.cadence),
      contact_angle: avg(series.metrics.contact_angle),
      eversion_velocity: round(rng.range(220, 480), 1),
      // Stance-phase knee flexion: 35-50 degrees for most runners.
      knee_flexion: round(rng.range(35, 50), 1),
      posture_angle: avg(series.angles.posture_angle),
      ankle_angle: ankle ? avg(ankle) : round(rng.range(92, 110), 1),
      com_oscillation: round(rng.range(6, 10.5), 2),
      stride_angle: round(rng.range(95, 125), 1),
      mean_h: round(profile.speed * 0.21 + rng.range(0.7, 0.8), 3),
    },
    images: {
      contact_angle: urls.image(ctx, s.id, 'contact_angle'),
      push_angle: urls.image(ctx, s.id, 'push_angle'),
      knee_ankle: urls.image(ctx, s.id, 'knee_ankle'),
    },
    user_info: userInfo(s.userId, ctx.adminName, account.lastSessionDate, account.sessionCount),
    date: formatDate(new Date(ctx.now)),
  };
  if (genAiReady(s.formRecommendationsAt, ctx.genAiDelayMs, ctx.now)) out.form_comments = formComments(s.id, profile);
  return out;
}

const PHASES = ['strike', 'mid_stance', 'takeoff', 'flight', 'new_strike'] as const;
const GAIT_POINTS = 101; // one gait cycle at 1% resolution

/** One side of the gait report. */
function gaitSide(s: SessionRecord, ctx: DataContext, side: 'left' | 'right', initiator: string): Record<string, unknown> {
  const rng = createRng(`gait:${s.id}:${side}`);
  const p = runProfile(s.id, s.samples);
  const strideMs = (120 / p.cadence) * 1000;
  const startFrame = rng.int(10, 40);
  const phaseAt = [0, 18, 36, 62, 100];
  const phases: Record<string, unknown> = {};
  PHASES.forEach((name, i) => {
    const graph = phaseAt[i];
    const frame = startFrame + Math.round(((graph / 100) * strideMs * p.fps) / 1000);
    phases[name] = { video_frame: frame, graph_phase: graph, video_phase: frame, image_url: urls.image(ctx, s.id, `${side}_${name}`) };
  });
  const curve = (base: number, amp: number, lag: number): Record<string, number[]> => {
    const current: number[] = [];
    const next: number[] = [];
    const stdDev: number[] = [];
    for (let i = 0; i < GAIT_POINTS; i++) {
      const ph = (2 * Math.PI * i) / (GAIT_POINTS - 1) + lag;
      current.push(round(base + amp * Math.sin(ph) + rng.gauss(0.5), 1));
      next.push(round(base + amp * Math.sin(ph + 0.05) + rng.gauss(0.5), 1));
      stdDev.push(round(1 + Math.abs(rng.gauss(0.8)), 2));
    }
    return { current, next, std_dev: stdDev };
  };
  const graphTimestamps: number[] = [];
  for (let i = 0; i < GAIT_POINTS; i++) graphTimestamps.push(round((i / (GAIT_POINTS - 1)) * strideMs, 1));
  return {
    peak_time: round(strideMs * rng.range(0.15, 0.25), 1),
    phases,
    initiator,
    angles: {
      posture_angle: curve(6, 1.5, 0),
      hip_angle: curve(162, 22, 0),
      knee_angle: curve(138, 34, 0.8),
      ankle_angle: curve(102, 14, 1.6),
    },
    graph_timestamps: graphTimestamps,
  };
}

/** Response of `POST /running/sessions/{id}/gait-analysis/`; report_comments once generated. */
export function gaitAnalysis(s: SessionRecord, ctx: DataContext, account: ReportAccount): Record<string, unknown> {
  const initiator = createRng(`gait:${s.id}`).pick(['left', 'right']);
  const out: Record<string, unknown> = {
    left: gaitSide(s, ctx, 'left', initiator),
    right: gaitSide(s, ctx, 'right', initiator),
    user_info: userInfo(s.userId, ctx.adminName, account.lastSessionDate, account.sessionCount),
    date: formatDate(new Date(ctx.now)),
  };
  if (genAiReady(s.gaitRecommendationsAt, ctx.genAiDelayMs, ctx.now)) out.report_comments = gaitComments(s.id);
  return out;
}
