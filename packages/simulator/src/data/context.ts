import type { SessionRecord } from '../store/types';

/** What response builders need besides the session itself. */
export interface DataContext {
  /** Absolute base URL of this simulator as the client reached it (for video and image URLs). */
  baseUrl: string;
  genAiDelayMs: number;
  now: number;
  /** Display name of the admin account (report `admin_name`). */
  adminName: string;
}

/** URLs of the media routes the simulator serves itself. */
export const urls = {
  video: (ctx: DataContext, id: string): string => `${ctx.baseUrl}/__sim/videos/${encodeURIComponent(id)}/original.mp4`,
  analyzed: (ctx: DataContext, id: string, download = false): string =>
    `${ctx.baseUrl}/__sim/videos/${encodeURIComponent(id)}/analyzed.mp4${download ? '?download=true' : ''}`,
  image: (ctx: DataContext, id: string, name: string): string => `${ctx.baseUrl}/__sim/images/${encodeURIComponent(id)}/${name}.png`,
};

/** Number of processed segments reported for a session. */
export function segmentsOf(s: SessionRecord, samples: number): number {
  return s.activity === 'Running' ? Math.max(1, Math.round(samples / 90)) : 1;
}
