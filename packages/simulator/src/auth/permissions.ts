/**
 * Who may call what, as the reference pages describe it. `admin`: non-admin keys get 403.
 * `plan`: keys without a payment plan get `noPlanStatus` (the pages say 403 on some endpoints
 * and 404 "session not found or no valid payment plan" on others).
 */
export interface Permission {
  admin: boolean;
  plan: boolean;
  noPlanStatus?: 403 | 404;
}

/** Permission per operation id (the OpenAPI operationIds; jumping/weightlifting have none upstream). */
export const PERMISSIONS: Record<string, Permission> = {
  'session-management_sessions_list': { admin: true, plan: false },
  'session-management_sessions_by-ids_create': { admin: true, plan: false },
  'session-management_sessions_filter_list': { admin: true, plan: false },
  'session-management_sessions_update': { admin: true, plan: true, noPlanStatus: 403 },
  'session-management_sessions_delete': { admin: true, plan: false },
  'session-management_sessions_analyzed-video_list': { admin: false, plan: true, noPlanStatus: 403 },
  'session-management_sessions_analyzed-video_create': { admin: false, plan: true, noPlanStatus: 403 },
  running_sessions_create: { admin: true, plan: false },
  running_sessions_read: { admin: false, plan: false },
  running_sessions_summary_list: { admin: true, plan: true, noPlanStatus: 404 },
  running_sessions_summary_create: { admin: true, plan: true, noPlanStatus: 404 },
  running_sessions_export_list: { admin: false, plan: false },
  'running_sessions_form-analysis_create': { admin: true, plan: true, noPlanStatus: 404 },
  running_sessions_metrics_total_list: { admin: true, plan: false },
  'running_sessions_form-recommendations_create': { admin: false, plan: true, noPlanStatus: 403 },
  'running_sessions_gait-analysis_create': { admin: true, plan: true, noPlanStatus: 404 },
  running_sessions_recommendation_create: { admin: true, plan: true, noPlanStatus: 404 },
  jumping_sessions_read: { admin: false, plan: false },
  jumping_sessions_export_list: { admin: false, plan: false },
  weightlifting_sessions_read: { admin: false, plan: false },
  weightlifting_sessions_export_list: { admin: false, plan: false },
  'weightlifting_sessions_lift-analysis_list': { admin: false, plan: true, noPlanStatus: 403 },
};
