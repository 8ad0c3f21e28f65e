import type { Flat, OutputField } from './flatten';

/** The analyzed-video answer (`{ analyzed_video_url }`) with a readiness flag. */
export function presentAnalyzedVideo(sessionId: string, res: Record<string, unknown>): Flat {
  const url = typeof res.analyzed_video_url === 'string' && res.analyzed_video_url !== '' ? res.analyzed_video_url : null;
  return { id: sessionId, session_id: sessionId, analyzed_video_url: url, ready: url !== null };
}

/** Labels for presentAnalyzedVideo's keys. */
export const analyzedVideoOutputFields: OutputField[] = [
  { key: 'id', label: 'Session ID' },
  { key: 'analyzed_video_url', label: 'Analyzed Video URL' },
  { key: 'ready', label: 'Analyzed Video Ready', type: 'boolean' },
];

/** A realistic analyzed-video answer. */
export const analyzedVideoSample: Flat = {
  id: 'V1StGXR8Z5jdHi6BmyTq',
  session_id: 'V1StGXR8Z5jdHi6BmyTq',
  analyzed_video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/analyzed.mp4',
  ready: true,
};
