import type { SessionRecord } from '../store/types';
import { genAiReady, statusOf } from '../store/types';
import { createdAtObject } from '../util/dates';
import { urls, type DataContext } from './context';
import { gaitComments } from './genai';
import { listMetrics } from './running';

/** Fields shared by list and by-ids entries. */
function common(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const status = statusOf(s, ctx.now);
  const out: Record<string, unknown> = {
    session_id: s.id,
    activity: s.activity,
    title: s.title,
    user_id: s.userId,
    user_name: s.userName,
    uploaded_by: s.uploadedBy,
    uploaded_uid: s.uploadedBy,
    uploaded_name: s.uploadedName,
    video_url: urls.video(ctx, s.id),
    thumbnail_url: urls.image(ctx, s.id, 'thumbnail'),
    video_status: status,
  };
  if (s.analyzedVideoAt) out.analyzed_video_url = urls.analyzed(ctx, s.id);
  if (s.exercise) out.exercise = s.exercise;
  return out;
}

/** An entry of the list and filter endpoints (created_at as `{date, time}`). */
export function listEntry(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  const out: Record<string, unknown> = { ...common(s, ctx), created_at: createdAtObject(s.createdAt) };
  const processed = statusOf(s, ctx.now) === 'Processed';
  out.segments = processed ? 1 : 0;
  if (processed && s.activity === 'Running') out.metrics = listMetrics(s);
  if (genAiReady(s.gaitRecommendationsAt, ctx.genAiDelayMs, ctx.now)) out.report_comments = gaitComments(s.id);
  return out;
}

/** An entry of the by-ids endpoint (created_at as an ISO date-time string, as its schema says). */
export function byIdsEntry(s: SessionRecord, ctx: DataContext): Record<string, unknown> {
  return { ...common(s, ctx), created_at: s.createdAt, uploaded_date: s.createdAt, user_status: 'active' };
}
