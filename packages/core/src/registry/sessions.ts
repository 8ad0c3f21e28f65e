/** Session management: list, find, fetch by ids, update, delete, analyzed video. */
import * as z from 'zod';
import { defineArea, defineOperation } from './define';
import { field, optionsOf } from '../schemas/meta';
import {
  caseInsensitiveEnum,
  cursorField,
  filterDateField,
  flagField,
  numberLike,
  sessionIdField,
  sessionIdsField,
  textSchema,
  updateDateField,
} from '../schemas/inputs';
import { FilteredSessionsResponse, SessionsResponse } from '../schemas/session';
import { AnalyzedVideo, SuccessBody } from '../schemas/common';

/** Activity types the filter knows. */
export const ACTIVITIES = ['Running', 'Weightlifting', 'Vertical Jump', 'Mobility Assessment'] as const;
/** Processing states the filter accepts (sent lower case, decision 5). */
export const VIDEO_STATUSES = ['processed', 'failed'] as const;
/**
 * Largest page we request. The API documents no maximum; every session carries its metrics,
 * so 100 keeps a page's response quick and small enough for a Zapier step's 30-second limit.
 */
export const MAX_PAGE_SIZE = 100;

const isJump = () => flagField('Is Jump Session', 'Treat the session as a jump session when the analyzed video has to be created.');
const isWeight = () =>
  flagField('Is Weightlifting Session', 'Treat the session as a weightlifting session when the analyzed video has to be created.');

/** Filters of the filter endpoint (the API pages with a cursor only when none of them is set). */
export const FILTER_FIELDS = ['activity', 'start_date', 'end_date', 'title', 'user_id', 'uploaded_by', 'video_status'] as const;

/** A cursor together with a filter is refused by the API (it pages only unfiltered lists): say so before sending. */
function refuseCursorWithFilter(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const cursors = (['start_after_id', 'end_before_id'] as const).filter((k) => v[k] !== undefined);
  if (cursors.length === 2) {
    ctx.addIssue({ code: 'custom', path: ['end_before_id'], message: 'use either start_after_id or end_before_id, not both' });
  }
  const filters = FILTER_FIELDS.filter((k) => v[k] !== undefined);
  if (cursors.length > 0 && filters.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: [cursors[0]],
      message: `cannot be combined with a filter (${filters.join(', ')}): the API pages only unfiltered lists; leave the cursor empty`,
    });
  }
}

const listAll = defineOperation({
  openapiId: 'session-management_sessions_list',
  title: 'List All Sessions',
  description: 'Returns every session of the account, newest first, with its metrics (use Find Sessions on large accounts).',
  method: 'GET',
  path: '/session-management/sessions/',
  input: z.strictObject({}),
  in: {},
  output: SessionsResponse,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  emptyOn404: true,
  requires: { admin: true },
});

const getByIds = defineOperation({
  openapiId: 'session-management_sessions_by-ids_create',
  title: 'Get Sessions by IDs',
  description: 'Fetches the full records of up to 100 sessions whose IDs you already know.',
  method: 'POST',
  path: '/session-management/sessions/by-ids/',
  input: z.strictObject({ session_ids: sessionIdsField() }),
  in: { session_ids: 'json' },
  output: SessionsResponse,
  successStatus: 200,
  // A POST that only reads: re-sending it cannot change anything.
  idempotent: true,
  sideEffect: 'none',
  requires: { admin: true },
});

const filter = defineOperation({
  openapiId: 'session-management_sessions_filter_list',
  title: 'Find Sessions',
  description: 'Finds sessions by activity, date range, title, user or processing status, one page at a time.',
  method: 'GET',
  path: '/session-management/sessions/filter/',
  input: z.strictObject({
    start_after_id: cursorField('Start After ID', 'Return sessions after this session ID (paging; ignored when another filter is set).'),
    end_before_id: cursorField('End Before ID', 'Return sessions before this session ID (paging; ignored when another filter is set).'),
    limit: field(numberLike({ min: 1, max: MAX_PAGE_SIZE, integer: true }), {
      title: 'Limit',
      description: `How many sessions to return per page, 1 to ${MAX_PAGE_SIZE} (the API's default is 10).`,
      fieldType: 'integer',
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: 10,
      examples: [10],
    }).optional(),
    activity: field(caseInsensitiveEnum(ACTIVITIES), {
      title: 'Activity',
      description: 'Only sessions of this activity.',
      fieldType: 'enum',
      options: ACTIVITIES.map((a) => ({ value: a, label: a })),
    }).optional(),
    start_date: filterDateField('Start Date', 'Only sessions created on or after this day (UTC), e.g. 2025-02-05 or 05/02/2025.'),
    end_date: filterDateField(
      'End Date',
      'Only sessions created on or before this day (UTC), e.g. 2025-02-28 or 28/02/2025.',
      '2025-02-28',
    ),
    title: field(textSchema(200), {
      title: 'Title Contains',
      description: 'Only sessions whose title contains this text (any case).',
      fieldType: 'string',
    }).optional(),
    user_id: field(textSchema(256), {
      title: 'User ID',
      description: 'Only sessions of this athlete (user ID).',
      fieldType: 'string',
    }).optional(),
    uploaded_by: field(textSchema(256), {
      title: 'Uploaded By',
      description: 'Only sessions uploaded by this admin or sub-admin (user ID).',
      fieldType: 'string',
    }).optional(),
    video_status: field(caseInsensitiveEnum(VIDEO_STATUSES), {
      title: 'Video Status',
      description: 'Only sessions whose video finished processing, or failed.',
      fieldType: 'enum',
      options: optionsOf(VIDEO_STATUSES),
    }).optional(),
  }).superRefine(refuseCursorWithFilter),
  in: {
    start_after_id: 'query',
    end_before_id: 'query',
    limit: 'query',
    activity: 'query',
    start_date: 'query',
    end_date: 'query',
    title: 'query',
    user_id: 'query',
    uploaded_by: 'query',
    video_status: 'query',
  },
  output: FilteredSessionsResponse,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
  emptyOn404: true,
  requires: { admin: true },
});

const update = defineOperation({
  openapiId: 'session-management_sessions_update',
  title: 'Update Session',
  description: "Changes a session's title or its recorded date and time.",
  method: 'PUT',
  path: '/session-management/sessions/{session_id}',
  input: z
    .strictObject({
      session_id: sessionIdField('The ID of the session to change.'),
      title: field(textSchema(200), { title: 'Title', description: 'New title of the session.', fieldType: 'string' }).optional(),
      created_at: updateDateField(),
    })
    .refine((v) => v.title !== undefined || v.created_at !== undefined, {
      error: 'give a new title or created_at (there is nothing to update)',
      path: ['title'],
    }),
  in: { session_id: 'path', title: 'json', created_at: 'json' },
  output: SuccessBody,
  successStatus: 200,
  // Setting the same values twice leaves the session as after the first time.
  idempotent: true,
  sideEffect: 'updates',
  requires: { admin: true, plan: 403 },
  anyStatus: true,
});

const remove = defineOperation({
  openapiId: 'session-management_sessions_delete',
  title: 'Delete Session',
  description: 'Permanently deletes a session with its videos and reports.',
  method: 'DELETE',
  path: '/session-management/sessions/{session_id}',
  input: z.strictObject({ session_id: sessionIdField('The ID of the session to delete.') }),
  in: { session_id: 'path' },
  output: SuccessBody,
  successStatus: 200,
  idempotent: true,
  sideEffect: 'deletes',
  requires: { admin: true },
  anyStatus: true,
});

const getAnalyzedVideo = defineOperation({
  openapiId: 'session-management_sessions_analyzed-video_list',
  title: 'Get Analyzed Video',
  description: "Returns the link to the session's analyzed video (with the pose overlay), creating it first if needed.",
  method: 'GET',
  path: '/session-management/sessions/{session_id}/analyzed-video/',
  input: z.strictObject({
    session_id: sessionIdField(),
    is_jump: isJump(),
    is_weight: isWeight(),
    download: flagField('Download Link', 'Return a link that makes the browser download the video instead of playing it.'),
  }),
  in: { session_id: 'path', is_jump: 'query', is_weight: 'query', download: 'query' },
  output: AnalyzedVideo,
  successStatus: 200,
  // Creates the analyzed video on first use (a later call finds it): safe to repeat, not read-only.
  idempotent: true,
  sideEffect: 'generates',
  requires: { plan: 403 },
});

const generateAnalyzedVideo = defineOperation({
  openapiId: 'session-management_sessions_analyzed-video_create',
  title: 'Generate Analyzed Video',
  description: 'Generates the analyzed video of a session (pose overlay) and returns its link.',
  method: 'POST',
  path: '/session-management/sessions/{session_id}/analyzed-video/',
  input: z.strictObject({ session_id: sessionIdField(), is_jump: isJump(), is_weight: isWeight() }),
  in: { session_id: 'path', is_jump: 'json', is_weight: 'json' },
  output: AnalyzedVideo,
  successStatus: 200,
  idempotent: false,
  sideEffect: 'generates',
  requires: { plan: 403 },
});

/** Session-management operations, keyed by client method name. */
export const sessions = defineArea('sessions', {
  listAll,
  getByIds,
  filter,
  update,
  delete: remove,
  getAnalyzedVideo,
  generateAnalyzedVideo,
});
