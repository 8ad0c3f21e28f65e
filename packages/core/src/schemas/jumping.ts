/** Response schemas of the jumping endpoints (no reference page: shapes from the retrieval overview). */
import type * as z from 'zod';
import { SessionDetail, SessionExport } from './activity';

/** `GET /jumping/sessions/{id}/`. */
export const JumpingSession = SessionDetail;
export type JumpingSession = z.output<typeof JumpingSession>;

/** `GET /jumping/sessions/{id}/export/`: keypoints, angles and metric series. */
export const JumpingExport = SessionExport;
export type JumpingExport = z.output<typeof JumpingExport>;
