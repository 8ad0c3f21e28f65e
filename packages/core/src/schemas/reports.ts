/** Running reports: form analysis, gait analysis, and the GenAI thread-creation answers. */
import * as z from 'zod';
import { Dict, Num, NumList, Scalar, TextOrNum, ThreadIds, withIsoDates } from './common';

/** The athlete as the report endpoints describe them (`user_info`), with `last_session_iso`. */
export const ReportUserInfo = withIsoDates(z.looseObject({
  age: TextOrNum.nullable().optional(),
  gender: z.string().nullable().optional(),
  height: Num.optional(),
  weight: Num.optional(),
  email: z.string().nullable().optional(),
  uid: z.string().nullable().optional(),
  display_name: z.string().nullable().optional(),
  admin_name: z.string().nullable().optional(),
  last_session: Scalar.optional(),
  session_count: Num.optional(),
  phone: Scalar.optional(),
  brand: Scalar.optional(),
  shoeModel: Scalar.optional(),
  shoeSize: TextOrNum.nullable().optional(),
  leg_length: Num.optional(),
  ycom: Num.optional(),
}), 'last_session');

/** `POST /running/sessions/{id}/form-analysis/` (a read despite the POST), with `date_iso`. */
export const FormAnalysisReport = withIsoDates(z.looseObject({
  /** Stride-averaged values (speed, balance, cadence, contact_angle, knee_flexion, ...). */
  metrics: z.record(z.string(), Num).nullable().optional(),
  /** Snapshot image URLs keyed `contact_angle`, `push_angle`, `knee_ankle`. */
  images: z.record(z.string(), z.string().nullable()).nullable().optional(),
  user_info: ReportUserInfo.nullable().optional(),
  /** GenAI block comments, once generated. */
  form_comments: Dict.nullable().optional(),
  /** `DD/MM/YYYY`. */
  date: z.string().nullable().optional(),
}), 'date');
export type FormAnalysisReport = z.output<typeof FormAnalysisReport>;

/** One gait phase snapshot (flight, takeoff, mid_stance, strike, new_strike). */
export const GaitPhase = z.looseObject({
  video_frame: Num.optional(),
  graph_phase: Num.optional(),
  video_phase: Num.optional(),
  image_url: z.string().nullable().optional(),
});

/** One angle's curves over the gait cycle. */
export const GaitAngle = z.looseObject({
  current: NumList.optional(),
  next: NumList.optional(),
  std_dev: NumList.optional(),
});

/** Gait data of one side. */
export const GaitSide = z.looseObject({
  peak_time: Num.optional(),
  initiator: z.string().nullable().optional(),
  phases: z.record(z.string(), GaitPhase).nullable().optional(),
  angles: z.record(z.string(), z.union([GaitAngle, NumList, Num])).nullable().optional(),
  graph_timestamps: NumList.nullable().optional(),
});

/** `POST /running/sessions/{id}/gait-analysis/` (a read despite the POST), with `date_iso`. */
export const GaitAnalysisReport = withIsoDates(z.looseObject({
  left: GaitSide.nullable().optional(),
  right: GaitSide.nullable().optional(),
  user_info: ReportUserInfo.nullable().optional(),
  /** GenAI suggestions per angle (`right_posture_angle`, `left_knee_angle`, ...), once generated. */
  report_comments: Dict.nullable().optional(),
  /** `DD/MM/YYYY`. */
  date: z.string().nullable().optional(),
}), 'date');
export type GaitAnalysisReport = z.output<typeof GaitAnalysisReport>;

/** `POST .../summary/` (201): summary block -> GenAI thread id. */
export const SummaryThreads = ThreadIds;
export type SummaryThreads = z.output<typeof SummaryThreads>;

const threadId = z.string().nullable().optional();

/** `POST .../form-recommendations/` (201): form block -> thread id. */
export const FormRecommendationThreads = z.looseObject({
  contact_angle: threadId,
  push_angle: threadId,
  knee_ankle: threadId,
  general_form_recommendation: threadId,
});
export type FormRecommendationThreads = z.output<typeof FormRecommendationThreads>;

/** `POST .../recommendation/` (201): gait angle -> thread id, both sides. */
export const GaitRecommendationThreads = z.looseObject({
  left_posture_angle: threadId,
  left_hip_angle: threadId,
  left_knee_angle: threadId,
  left_ankle_angle: threadId,
  right_posture_angle: threadId,
  right_hip_angle: threadId,
  right_knee_angle: threadId,
  right_ankle_angle: threadId,
});
export type GaitRecommendationThreads = z.output<typeof GaitRecommendationThreads>;
