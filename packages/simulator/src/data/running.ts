import { createdAtObject } from '../util/dates';
import type { SessionRecord } from '../store/types';
import { genAiReady, statusOf } from '../store/types';
import { round } from '../util/prng';
import { segmentsOf, urls, type DataContext } from './context';
import { summaryText } from './genai';
import { runProfile, type RunProfile } from './profile';
import { runSeries, type RunSeries } from './series';
import { stats } from './stats';

/** Approximate export bytes per sample, used to size large exports. */
export const EXPORT_BYTES_PER_SAMPLE = 340;

/** Profile and series of a running session (deterministic from its id). */
export function runData(s: SessionRecord): { profile: RunProfile; series: RunSeries } {
  const profile = runProfile(s.id, s.samples);
  return { profile, series: runSeries(s.id, profile, s.bodyJointAngles, s.inclineDegree) };
}

/** Flat computed statistics (`calculated_metrics`: numbers only). */
export function calculatedMetrics(series: RunSeries): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, values] of Object.entries(series.metrics)) {
    if (key === 'distance') continue;
    const st = stats(values);
    out[`avg_${key}`] = st.avg;
    out[`min_${key}`] = st.min;
    out[`max_${key}`] = st.max;
  }
  out.total_distance = totalDistance(series);
  out.total_time = totalTime(series);
  return out;
}

export function totalDistance(series: RunSeries): number {
  return series.metrics.distance[series.metrics.distance.length - 1] ?? 0;
}

export function totalTime(series: RunSeries): number {
  return round(series.timestamps[series.timestamps.length - 1] ?? 0, 2);
}

/** Compact averages used in list entries (the full arrays would make 10,000-session lists huge). */
export function listMetrics(s: SessionRecord): Record<string, number | string> {
  const p = runProfile(s.id, s.samples);
  return {
    avg_speed: p.speed,
    avg_pace: round(1000 / p.speed / 60, 2),
    avg_cadence: p.cadence,
    avg_power: round(p.weight * p.speed * 1.04, 1),
    avg_contact_time: p.contactTime,
    avg_flight_time: p.flightTime,
    footstrike: p.footstrike,
  };
}

/** Response of `GET /running/sessions/{id}/`. Pending or failed sessions carry empty series. */
export function runningDetails(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const status = statusOf(s, ctx.now);
  const base: Record<string, unknown> = {
    session_id: s.id,
    activity: s.activity,
    title: s.title,
    created_at: createdAtObject(s.createdAt),
    user_id: s.userId,
    user_name: s.userName,
    video_url: urls.video(ctx, s.id),
    video_status: status,
  };
  if (s.analyzedVideoAt) base.analyzed_video_url = urls.analyzed(ctx, s.id);
  if (status !== 'Processed') {
    if (s.failureReason && status === 'Failed') base.failure_reason = s.failureReason;
    return { ...base, segments: 0, metrics: {}, angles: {}, all_timestamps: [] };
  }
  const { profile, series } = runData(s);
  const out: Record<string, unknown> = {
    ...base,
    segments: segmentsOf(s, profile.samples),
    metrics: series.metrics,
    angles: series.angles,
    all_timestamps: series.timestamps,
    calculated_metrics: calculatedMetrics(series),
  };
  if (genAiReady(s.summaryRequestedAt, ctx.genAiDelayMs, ctx.now)) {
    out.summary = summaryText(s.id, profile, totalDistance(series), totalTime(series), s.measurementSystem).final_summary;
  }
  return out;
}

/** Response of `GET /running/sessions/{id}/export/` (processed sessions only). */
export function runningExport(s: SessionRecord): Record<string, unknown> {
  const { series } = runData(s);
  return {
    session_id: s.id,
    activity: s.activity,
    metrics: series.metrics,
    keypoints: series.keypoints,
    angles: series.angles,
    all_timestamps: series.timestamps,
    contact: series.contact,
  };
}
