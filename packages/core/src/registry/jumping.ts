/** Jumping: session details and export. */
import * as z from 'zod';
import { defineOperation } from './define';
import { demoField, sessionIdField } from '../schemas/inputs';
import { JumpingExport, JumpingSession } from '../schemas/jumping';

// The overview documents no `demo` for these; docs/openapi.json assumes it by analogy with running.
const byIdWithDemo = () => z.strictObject({ session_id: sessionIdField(), demo: demoField() });

const get = defineOperation({
  id: 'jumping.get',
  area: 'jumping',
  name: 'get',
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
  demo: true,
});

const exportData = defineOperation({
  id: 'jumping.export',
  area: 'jumping',
  name: 'export',
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
  demo: true,
});

/** Jumping operations, keyed by client method name. */
export const jumping = { get, export: exportData } as const;
