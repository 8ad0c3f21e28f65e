/** Running: upload, details, summary, export, form and gait reports, GenAI recommendations. */
import * as z from 'zod';
import { defineArea, defineOperation } from './define';
import { field, optionsOf } from '../schemas/meta';
import { caseInsensitiveEnum, demoField, jointsField, numberLike, sessionIdField, textSchema } from '../schemas/inputs';
import { videoField } from '../schemas/video';
import { SessionExport } from '../schemas/activity';
import { CreatedSession, RunningSession, RunningSummary, TotalMetrics } from '../schemas/running';
import {
  FormAnalysisReport,
  FormRecommendationThreads,
  GaitAnalysisReport,
  GaitRecommendationThreads,
  SummaryThreads,
} from '../schemas/reports';

/** Units of a generated summary. */
export const MEASUREMENT_SYSTEMS = ['metric', 'imperial'] as const;
/** Treadmill incline range we accept, in degrees (a real treadmill stays well inside it). */
export const INCLINE_RANGE = { min: -30, max: 30 } as const;

const byId = (description?: string) => z.strictObject({ session_id: sessionIdField(description) });
const byIdWithDemo = () => z.strictObject({ session_id: sessionIdField(), demo: demoField() });

const createSession = defineOperation({
  openapiId: 'running_sessions_create',
  title: 'Upload Video',
  description: 'Uploads a running video for an athlete and starts its analysis; returns the new session ID.',
  method: 'POST',
  path: '/running/sessions/',
  input: z.strictObject({
    user_id: field(textSchema(256), {
      title: 'User ID',
      description: 'The athlete (user ID) the session is created for.',
      fieldType: 'string',
      examples: ['someUserId123'],
    }),
    video: videoField,
    session_name: field(textSchema(200), {
      title: 'Session Name',
      description: 'A name for the session; AIKYNETIX picks one when left empty.',
      fieldType: 'string',
      examples: ['Treadmill run 5 km'],
    }).optional(),
    incline_degree: field(numberLike(INCLINE_RANGE), {
      title: 'Incline (Degrees)',
      description: `Treadmill incline in degrees, ${INCLINE_RANGE.min} to ${INCLINE_RANGE.max}.`,
      fieldType: 'number',
      minimum: INCLINE_RANGE.min,
      maximum: INCLINE_RANGE.max,
      examples: [5],
    }).optional(),
    body_joint_angles: jointsField(),
  }),
  in: { user_id: 'form', video: 'file', session_name: 'form', incline_degree: 'form', body_joint_angles: 'form' },
  output: CreatedSession,
  successStatus: 200,
  // Never re-sent once the body may have reached the server: it could create a second session.
  idempotent: false,
  sideEffect: 'creates',
  requires: { admin: true },
});

const get = defineOperation({
  openapiId: 'running_sessions_read',
  title: 'Get Running Session',
  description: "Returns a running session's details: metrics, joint angles, timestamps and video links.",
  method: 'GET',
  path: '/running/sessions/{session_id}/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: RunningSession,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  anyStatus: true,
});

const getSummary = defineOperation({
  openapiId: 'running_sessions_summary_list',
  title: 'Get Running Summary',
  description: "Returns a running session's performance summary, with the AI-written commentary once it has been generated.",
  method: 'GET',
  path: '/running/sessions/{session_id}/summary/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: RunningSummary,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  requires: { admin: true, plan: 404 },
});

const generateSummary = defineOperation({
  openapiId: 'running_sessions_summary_create',
  title: 'Generate Summary',
  description: 'Starts the AI-written summary of a running session; read it with Get Running Summary once ready.',
  method: 'POST',
  path: '/running/sessions/{session_id}/summary/',
  input: z.strictObject({
    session_id: sessionIdField(),
    measurement_system: field(caseInsensitiveEnum(MEASUREMENT_SYSTEMS), {
      title: 'Measurement System',
      description: 'Units used in the summary text.',
      fieldType: 'enum',
      options: optionsOf(MEASUREMENT_SYSTEMS),
      default: 'metric',
    }).optional(),
  }),
  in: { session_id: 'path', measurement_system: 'query' },
  output: SummaryThreads,
  successStatus: 201,
  idempotent: false,
  sideEffect: 'generates',
  requires: { admin: true, plan: 404 },
});

const exportData = defineOperation({
  openapiId: 'running_sessions_export_list',
  title: 'Export Running Data',
  description: "Returns a running session's raw data (keypoints, angles, metrics and foot contact per frame) for your own analysis.",
  method: 'GET',
  path: '/running/sessions/{session_id}/export/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: SessionExport,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

const getFormAnalysis = defineOperation({
  openapiId: 'running_sessions_form-analysis_create',
  title: 'Get Form Analysis Report',
  description: 'Returns the running-form report of a session: stride-averaged metrics, snapshots and AI comments.',
  method: 'POST',
  path: '/running/sessions/{session_id}/form-analysis/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: FormAnalysisReport,
  successStatus: 200,
  // A POST that only reads the report (decision 7): safe to retry.
  idempotent: true,
  sideEffect: 'none',
  requires: { admin: true, plan: 404 },
});

const getTotalMetrics = defineOperation({
  openapiId: 'running_sessions_metrics_total_list',
  title: 'Get Total Running Metrics',
  description: 'Returns average running metrics over all sessions plus the metrics of the most recent one.',
  method: 'GET',
  path: '/running/sessions/metrics/total/',
  input: z.strictObject({}),
  in: {},
  output: TotalMetrics,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  requires: { admin: true },
});

const generateFormRecommendations = defineOperation({
  openapiId: 'running_sessions_form-recommendations_create',
  title: 'Generate Form Recommendations',
  description: 'Starts AI-written recommendations for each running-form block of a session; they appear in the form report.',
  method: 'POST',
  path: '/running/sessions/{session_id}/form-recommendations/',
  input: byId(),
  in: { session_id: 'path' },
  output: FormRecommendationThreads,
  successStatus: 201,
  idempotent: false,
  sideEffect: 'generates',
  requires: { plan: 403 },
});

const getGaitAnalysis = defineOperation({
  openapiId: 'running_sessions_gait-analysis_create',
  title: 'Get Gait Analysis Report',
  description: 'Returns the gait analysis report of a session: gait phases, joint-angle curves per side and snapshots.',
  method: 'POST',
  path: '/running/sessions/{session_id}/gait-analysis/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: GaitAnalysisReport,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  requires: { admin: true, plan: 404 },
});

const generateGaitRecommendations = defineOperation({
  openapiId: 'running_sessions_recommendation_create',
  title: 'Generate Gait Recommendations',
  description: "Starts AI-written recommendations for each joint angle of a session's gait analysis; they appear in the gait report.",
  method: 'POST',
  path: '/running/sessions/{session_id}/recommendation/',
  input: byId(),
  in: { session_id: 'path' },
  output: GaitRecommendationThreads,
  successStatus: 201,
  idempotent: false,
  sideEffect: 'generates',
  requires: { admin: true, plan: 404 },
});

/** Running operations, keyed by client method name. */
export const running = defineArea('running', {
  createSession,
  get,
  getSummary,
  generateSummary,
  export: exportData,
  getFormAnalysis,
  getTotalMetrics,
  generateFormRecommendations,
  getGaitAnalysis,
  generateGaitRecommendations,
});
