/** Jumping: session details and export. */
import * as z from 'zod';
import { defineArea, defineOperation } from './define';
import { sessionIdField } from '../schemas/inputs';
import { JumpingExport, JumpingSession } from '../schemas/jumping';

// Only what the retrieval overview documents: no `demo` switch (docs/api-notes.md, "Demo data").
const byId = () => z.strictObject({ session_id: sessionIdField() });

const get = defineOperation({
  openapiId: 'jumping_sessions_read',
  title: 'Get Jumping Session',
  description: "Returns a jumping session's details: metrics, joint angles and video links.",
  method: 'GET',
  path: '/jumping/sessions/{session_id}/',
  input: byId(),
  in: { session_id: 'path' },
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
  input: byId(),
  in: { session_id: 'path' },
  output: JumpingExport,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

/** Jumping operations, keyed by client method name. */
export const jumping = defineArea('jumping', { get, export: exportData });
