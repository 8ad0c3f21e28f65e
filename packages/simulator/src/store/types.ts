/** Activities the API knows (the filter endpoint's enum). */
export type Activity = 'Running' | 'Weightlifting' | 'Vertical Jump' | 'Mobility Assessment';

/** The processing state clients see as `video_status`. */
export type VideoStatus = 'Processing' | 'Processed' | 'Failed';

/** The uploaded video as stored on disk. */
export interface StoredVideo {
  /** File name inside the videos directory. */
  file: string;
  size: number;
  filename: string;
  contentType: string;
}

/**
 * One session as the simulator stores it. Only metadata is kept: all metrics and reports are
 * generated on demand from the session id, so 10,000 seeded sessions cost little memory.
 */
export interface SessionRecord {
  id: string;
  activity: Activity;
  title: string;
  userId: string;
  userName: string;
  /** UID of the key that uploaded the video. */
  uploadedBy: string;
  uploadedName: string;
  createdAt: string;
  /** When processing completes; status is computed lazily from the clock (survives restarts). */
  readyAt: string;
  outcome: 'Processed' | 'Failed';
  failureReason?: string;
  inclineDegree: number;
  bodyJointAngles: string[];
  exercise?: string;
  video?: StoredVideo;
  analyzedVideoAt?: string;
  /** GenAI requests: the texts become visible genAiDelayMs after these times. */
  summaryRequestedAt?: string;
  measurementSystem?: 'metric' | 'imperial';
  formRecommendationsAt?: string;
  gaitRecommendationsAt?: string;
  /** Number of samples in the export (large-export benchmarks); default is a few hundred. */
  samples?: number;
}

/** Current video status of a session at `now`. */
export function statusOf(s: SessionRecord, now = Date.now()): VideoStatus {
  return now >= Date.parse(s.readyAt) ? s.outcome : 'Processing';
}

/** Whether a GenAI request made at `at` has produced its text by `now`. */
export function genAiReady(at: string | undefined, delayMs: number, now = Date.now()): boolean {
  return at !== undefined && now >= Date.parse(at) + delayMs;
}
