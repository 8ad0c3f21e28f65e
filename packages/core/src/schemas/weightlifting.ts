/** Response schemas of the weightlifting endpoints (shapes from the retrieval overview). */
import * as z from 'zod';
import { SessionDetail, SessionExport } from './activity';
import { Dict } from './common';

/** `GET /weightlifting/sessions/{id}/`: exercise-specific metrics and angles. */
export const WeightliftingSession = SessionDetail;
export type WeightliftingSession = z.output<typeof WeightliftingSession>;

/** `GET /weightlifting/sessions/{id}/export/`. */
export const WeightliftingExport = SessionExport;
export type WeightliftingExport = z.output<typeof WeightliftingExport>;

/**
 * `GET /weightlifting/sessions/{id}/lift-analysis/`: analysis images and recommendations,
 * multilingual. The overview documents no fields, so only the likely ones are named.
 */
export const LiftAnalysis = z.looseObject({
  session_id: z.string().optional(),
  exercise: z.string().nullable().optional(),
  images: z.union([Dict, z.array(z.unknown())]).nullable().optional(),
  recommendations: z.union([Dict, z.array(z.unknown()), z.string()]).nullable().optional(),
});
export type LiftAnalysis = z.output<typeof LiftAnalysis>;
