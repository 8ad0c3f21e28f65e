import type { SessionRecord } from '../store/types';
import { genAiReady } from '../store/types';
import { createdAtObject, formatDate } from '../util/dates';
import { round } from '../util/prng';
import type { DataContext } from './context';
import { summaryText } from './genai';
import { runProfile, userInformation } from './profile';
import { runData, totalDistance, totalTime } from './running';
import { stats, statsWithValues } from './stats';

/** Response of `GET /running/sessions/{id}/summary/`; summary_text only once generated. */
export function runningSummary(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const { profile, series } = runData(s);
  const m = series.metrics;
  const out: Record<string, unknown> = {
    performance_metrics: {
      speed: statsWithValues(m.speed),
      pace: statsWithValues(m.pace),
      cadence: statsWithValues(m.cadence, 1),
      power: statsWithValues(m.power, 1),
      normalized_power: statsWithValues(m.normalized_power),
    },
    running_mechanics: {
      contact_time: statsWithValues(m.contact_time, 3),
      flight_time: statsWithValues(m.flight_time, 3),
      stride_time: statsWithValues(m.stride_time, 3),
      stride_length: statsWithValues(m.stride_length),
      footstrike: profile.footstrike,
    },
    balance_and_posture: {
      balance: statsWithValues(m.rbalance, 1),
      contact_angle: statsWithValues(m.contact_angle, 1),
    },
    distance_and_duration: { total_distance: totalDistance(series), total_time: totalTime(series) },
    user_information: userInformation(s.userId),
    session_date: formatDate(new Date(s.createdAt)),
  };
  if (genAiReady(s.summaryRequestedAt, ctx.genAiDelayMs, ctx.now)) {
    out.summary_text = summaryText(s.id, profile, totalDistance(series), totalTime(series), s.measurementSystem);
  }
  return out;
}

/**
 * Response of `GET /running/sessions/metrics/total/`: averages over all processed running sessions
 * (from each session's baseline, so 10,000 sessions stay cheap) and full stats of the newest one.
 */
export function totalMetrics(processedNewestFirst: readonly SessionRecord[]): Record<string, unknown> {
  let speed = 0;
  let power = 0;
  let cadence = 0;
  let flight = 0;
  for (const s of processedNewestFirst) {
    const p = runProfile(s.id, s.samples);
    speed += p.speed;
    power += p.weight * p.speed * 1.04;
    cadence += p.cadence;
    flight += p.flightTime;
  }
  const n = processedNewestFirst.length;
  const last = processedNewestFirst[0];
  const { profile, series } = runData(last);
  const m = series.metrics;
  return {
    avg_metrics: {
      avg_speed: round(speed / n, 2),
      avg_power: round(power / n, 1),
      avg_cadence: round(cadence / n, 1),
      avg_flight_time: round(flight / n, 3),
    },
    last_session_metrics: {
      speed: stats(m.speed),
      normalized_power: stats(m.normalized_power),
      cadence: stats(m.cadence, 1),
      total_distance: totalDistance(series),
      power: stats(m.power, 1),
      stride_time: stats(m.stride_time, 3),
      total_time: totalTime(series),
      contact_time: stats(m.contact_time, 3),
      contact_angle: stats(m.contact_angle, 1),
      incline: stats(m.incline, 1),
      pace: stats(m.pace),
      stride_length: stats(m.stride_length),
      rbalance: stats(m.rbalance, 1),
      flight_time: stats(m.flight_time, 3),
      footstrike: profile.footstrike,
    },
    last_session_created_at: createdAtObject(last.createdAt),
  };
}
