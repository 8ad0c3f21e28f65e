/** Response schemas of the running endpoints (details, summary, total metrics, upload). */
import * as z from 'zod';
import { CreatedAt, Dict, MinMaxAvg, Num, Scalar, TextOrNum, withIso, withIsoDates } from './common';
import { sessionDetailShape } from './activity';

/** `POST /running/sessions/`: the new session's id (required: nothing works without it). */
export const CreatedSession = z.looseObject({
  session_id: z.string().min(1),
  title: z.string().nullable().optional(),
});
export type CreatedSession = z.output<typeof CreatedSession>;

/** `GET /running/sessions/{id}/`. */
export const RunningSession = withIso(
  z.looseObject({
    ...sessionDetailShape,
    /** Computed statistics (avg/min/max) per metric. */
    calculated_metrics: Dict.nullable().optional(),
    summary: z.union([z.string(), Dict]).nullable().optional(),
  }),
  'created_at',
);
export type RunningSession = z.output<typeof RunningSession>;

/** GenAI commentary blocks of a summary (present only once generated). */
export const SummaryText = z.looseObject({
  balance_and_posture: z.string().nullable().optional(),
  performance_metrics: z.string().nullable().optional(),
  running_mechanics: z.string().nullable().optional(),
  final_summary: z.string().nullable().optional(),
  distance_and_duration: z.string().nullable().optional(),
});

/** The athlete's profile as the summary reports it. */
export const UserInformation = z.looseObject({
  ycom: Num.optional(),
  weight: Num.optional(),
  age: TextOrNum.nullable().optional(),
  height: Num.optional(),
  leg_length: Num.optional(),
  shoeSize: TextOrNum.nullable().optional(),
  gender: z.string().nullable().optional(),
  user: z.string().nullable().optional(),
  brand: Scalar.optional(),
  shoeModel: Scalar.optional(),
  email: z.string().nullable().optional(),
  display_name: z.string().nullable().optional(),
});

/** `GET /running/sessions/{id}/summary/`, with `session_date_iso`. */
export const RunningSummary = withIsoDates(z.looseObject({
  /** GenAI commentary; absent until generated. Some servers send one plain text instead of blocks. */
  summary_text: z.union([SummaryText, z.string()]).nullable().optional(),
  performance_metrics: z
    .looseObject({
      speed: MinMaxAvg.optional(),
      pace: MinMaxAvg.optional(),
      cadence: MinMaxAvg.optional(),
      power: MinMaxAvg.optional(),
      normalized_power: MinMaxAvg.optional(),
    })
    .nullable()
    .optional(),
  running_mechanics: z
    .looseObject({
      contact_time: MinMaxAvg.optional(),
      flight_time: MinMaxAvg.optional(),
      stride_time: MinMaxAvg.optional(),
      stride_length: MinMaxAvg.optional(),
      footstrike: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  balance_and_posture: z
    .looseObject({ balance: MinMaxAvg.optional(), contact_angle: MinMaxAvg.optional() })
    .nullable()
    .optional(),
  distance_and_duration: z
    .looseObject({ total_distance: Num.optional(), total_time: Num.optional() })
    .nullable()
    .optional(),
  user_information: UserInformation.nullable().optional(),
  /** `DD/MM/YYYY`. */
  session_date: z.string().nullable().optional(),
}), 'session_date');
export type RunningSummary = z.output<typeof RunningSummary>;

/** `GET /running/sessions/metrics/total/`: averages over all sessions plus the latest one. */
export const TotalMetrics = withIso(
  z.looseObject({
    avg_metrics: z
      .looseObject({
        avg_speed: Num.optional(),
        avg_power: Num.optional(),
        avg_cadence: Num.optional(),
        avg_flight_time: Num.optional(),
      })
      .nullable()
      .optional(),
    last_session_metrics: z
      .looseObject({
        speed: MinMaxAvg.optional(),
        normalized_power: MinMaxAvg.optional(),
        cadence: MinMaxAvg.optional(),
        total_distance: Num.optional(),
        power: MinMaxAvg.optional(),
        stride_time: MinMaxAvg.optional(),
        total_time: Num.optional(),
        contact_time: MinMaxAvg.optional(),
        contact_angle: MinMaxAvg.optional(),
        incline: MinMaxAvg.optional(),
        pace: MinMaxAvg.optional(),
        stride_length: MinMaxAvg.optional(),
        rbalance: MinMaxAvg.optional(),
        flight_time: MinMaxAvg.optional(),
        footstrike: z.string().nullable().optional(),
      })
      .nullable()
      .optional(),
    last_session_created_at: CreatedAt.nullable().optional(),
  }),
  'last_session_created_at',
);
export type TotalMetrics = z.output<typeof TotalMetrics>;
