/**
 * Per-activity session details and exports (running, jumping and weightlifting share the shape:
 * the retrieval overview shows the same fragment for all three).
 */
import * as z from 'zod';
import { CreatedAt, Dict, Num, NumList, withIso } from './common';

/** Fields every activity's detail response carries. */
export const sessionDetailShape = {
  session_id: z.string().optional(),
  activity: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  user_name: z.string().nullable().optional(),
  analyzed_video_url: z.string().nullable().optional(),
  video_url: z.string().nullable().optional(),
  segments: Num.optional(),
  /** Processing state as sent (`Processed`, `Failed`, `Processing`; any case). */
  video_status: z.string().nullable().optional(),
  /** Weightlifting exercise name. */
  exercise: z.string().nullable().optional(),
  created_at: CreatedAt.nullable().optional(),
  /** Metric name -> series (the reference says numbers, the prose arrays: both accepted). */
  metrics: Dict.nullable().optional(),
  /** Angle name -> series. */
  angles: Dict.nullable().optional(),
  all_timestamps: NumList.nullable().optional(),
};

/** `GET /<activity>/sessions/{id}/`, with `created_at_iso` added. */
export const SessionDetail = withIso(z.looseObject(sessionDetailShape), 'created_at');
export type SessionDetail = z.output<typeof SessionDetail>;

/** `GET /<activity>/sessions/{id}/export/`: raw series for analysis. */
export const SessionExport = z.looseObject({
  activity: z.string().nullable().optional(),
  metrics: Dict.nullable().optional(),
  keypoints: Dict.nullable().optional(),
  angles: Dict.nullable().optional(),
  all_timestamps: NumList.nullable().optional(),
  /** Foot contact per frame (true/false; some exports use 0/1). */
  contact: z
    .array(z.unknown())
    // One pass over what can be tens of thousands of frames (see NumList).
    .refine((items) => items.every((v) => v === null || typeof v === 'boolean' || typeof v === 'number'), {
      error: 'must be a list of true/false values',
    })
    .transform((items) => items as (boolean | number | null)[])
    .nullable()
    .optional(),
});
export type SessionExport = z.output<typeof SessionExport>;
