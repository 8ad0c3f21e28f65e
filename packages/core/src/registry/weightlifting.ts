/** Weightlifting: session details, export and lift analysis. */
import * as z from 'zod';
import { defineArea, defineOperation } from './define';
import { sessionIdField } from '../schemas/inputs';
import { LiftAnalysis, WeightliftingExport, WeightliftingSession } from '../schemas/weightlifting';

// Only what the retrieval overview documents: no `demo` switch (docs/api-notes.md, "Demo data").
const byId = () => z.strictObject({ session_id: sessionIdField() });

const get = defineOperation({
  openapiId: 'weightlifting_sessions_read',
  title: 'Get Weightlifting Session',
  description: "Returns a weightlifting session's details: exercise metrics, joint angles and video links.",
  method: 'GET',
  path: '/weightlifting/sessions/{session_id}/',
  input: byId(),
  in: { session_id: 'path' },
  output: WeightliftingSession,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

const exportData = defineOperation({
  openapiId: 'weightlifting_sessions_export_list',
  title: 'Export Weightlifting Data',
  description: "Returns a weightlifting session's raw data (keypoints, angles and metrics per frame) for your own analysis.",
  method: 'GET',
  path: '/weightlifting/sessions/{session_id}/export/',
  input: byId(),
  in: { session_id: 'path' },
  output: WeightliftingExport,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

const getLiftAnalysis = defineOperation({
  openapiId: 'weightlifting_sessions_lift-analysis_list',
  title: 'Get Lift Analysis',
  description: 'Returns the analysis images and recommendations for a lift, in several languages.',
  method: 'GET',
  path: '/weightlifting/sessions/{session_id}/lift-analysis/',
  input: byId(),
  in: { session_id: 'path' },
  output: LiftAnalysis,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  requires: { plan: 403 },
});

/** Weightlifting operations, keyed by client method name. */
export const weightlifting = defineArea('weightlifting', { get, export: exportData, getLiftAnalysis });
