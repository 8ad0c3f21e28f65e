/** Jumping: session details and export. */
import { z } from 'zod';
import { defineArea, defineOperation } from './define';
import { demoField, sessionIdField } from '../schemas/inputs';
import { JumpingExport, JumpingSession } from '../schemas/jumping';

// The overview documents no `demo` for these; docs/openapi.json assumes it by analogy with running.
const byIdWithDemo = () => z.strictObject({ session_id: sessionIdField(), demo: demoField() });

const get = defineOperation({
  openapiId: 'jumping_sessions_read',
  title: 'Get Jumping Session',
  description: "Returns a jumping session's details: metrics, joint angles and video links.",
  method: 'GET',
  path: '/jumping/sessions/{session_id}/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: JumpingSession,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

const exportData = defineOperation({
  openapiId: 'jumping_sessions_export_list',
  title: 'Export Jumping Data',
  description: "Returns a jumping session's raw data (keypoints, angles and metrics per frame) for your own analysis.",
  method: 'GET',
  path: '/jumping/sessions/{session_id}/export/',
  input: byIdWithDemo(),
  in: { session_id: 'path', demo: 'query' },
  output: JumpingExport,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

/** Jumping operations, keyed by client method name. */
export const jumping = defineArea('jumping', { get, export: exportData });
