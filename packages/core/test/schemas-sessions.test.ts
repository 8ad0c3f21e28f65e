import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { getOperation } from '../src/registry';
import { Session, statusOf } from '../src/schemas/session';

// Samples follow the reference pages (000/001): sessions as a dictionary keyed by id.
const doc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: 'openapi.json' });

/** Validates a sample against the operation's success response schema in docs/openapi.json. */
function expectDocumented(id: string, body: unknown): void {
  const op = getOperation(id);
  const ptr = Object.entries(doc.paths[op.path] as Record<string, { operationId?: string }>).find(([, o]) => o.operationId === op.openapiId)!;
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const ref = `openapi.json#/paths/${esc(op.path)}/${ptr[0]}/responses/${op.successStatus}/content/${esc('application/json')}/schema`;
  const validate = ajv.compile({ $ref: ref });
  expect([validate(body), validate.errors ?? []]).toEqual([true, []]);
}

const listSample = {
  sessions: {
    Zb3kPq9XyT2mLw8RvN4c: {
      created_at: { date: '05/02/2025', time: '06:00 PM' },
      video_url: 'https://storage.googleapis.com/bucket/original_video.mov',
      segments: 12,
      analyzed_video_url: 'https://storage.googleapis.com/bucket/analyzed_video.mp4',
      activity: 'Running',
      title: 'Treadmill 5k',
      user_id: 'someUserId123',
      user_name: 'Ana Runner',
      report_comments: { right_posture_angle: 'Keep your torso upright.' },
      metrics: { speed: [3.1, 3.2], cadence: [170, 172] },
      video_status: 'Processed',
      brand_new_field: { nested: true },
    },
    a8Hq2ZrT5mNc0PvXy3Lk: {
      created_at: { date: '04/02/2025', time: '12:05 AM' },
      activity: 'Vertical Jump',
      title: 'CMJ test',
      video_status: 'failed',
    },
    Pending0000000000001: { created_at: { date: '06/02/2025', time: '12:30 PM' }, activity: 'Running', title: 'Uploading' },
  },
};

describe('session listings become arrays of normalised sessions', () => {
  test('listAll: dictionary -> array in server order with id, created_at_iso, status; unknown fields kept', () => {
    expectDocumented('sessions.listAll', listSample);
    const out = getOperation('sessions.listAll').output.parse(listSample) as { sessions: Session[] };
    expect(out.sessions.map((s) => s.id)).toEqual(['Zb3kPq9XyT2mLw8RvN4c', 'a8Hq2ZrT5mNc0PvXy3Lk', 'Pending0000000000001']);
    expect(out.sessions.map((s) => s.status)).toEqual(['processed', 'failed', 'processing']);
    expect(out.sessions.map((s) => s.created_at_iso)).toEqual([
      '2025-02-05T18:00:00.000Z',
      '2025-02-04T00:05:00.000Z',
      '2025-02-06T12:30:00.000Z',
    ]);
    const first = out.sessions[0];
    expect(first.created_at).toEqual({ date: '05/02/2025', time: '06:00 PM' });
    expect(first.brand_new_field).toEqual({ nested: true });
    expect(first.metrics).toEqual({ speed: [3.1, 3.2], cadence: [170, 172] });
    expect(first.segments).toBe(12);
  });

  test('filter: page cursors and count kept, sessions normalised', () => {
    const page = { query_count: 3, sessions: listSample.sessions, first_doc_id: 'Zb3kPq9XyT2mLw8RvN4c', last_doc_id: 'Pending0000000000001' };
    expectDocumented('sessions.filter', page);
    const out = getOperation('sessions.filter').output.parse(page) as { sessions: Session[]; query_count: number; last_doc_id: string };
    expect(out.query_count).toBe(3);
    expect(out.last_doc_id).toBe('Pending0000000000001');
    expect(out.sessions).toHaveLength(3);
    const last = getOperation('sessions.filter').output.parse({ ...page, first_doc_id: null, last_doc_id: null, query_count: '0', sessions: {} });
    expect(last).toMatchObject({ sessions: [], first_doc_id: null, last_doc_id: null, query_count: 0 });
  });

  test('emptyOn404 operations parse an empty body to an empty list', () => {
    expect(getOperation('sessions.listAll').output.parse({})).toEqual({ sessions: [] });
    expect(getOperation('sessions.filter').output.parse({})).toEqual({ sessions: [] });
  });

  test('by-ids: date-time created_at strings and capitalised video_status', () => {
    const body = {
      sessions: {
        Zb3kPq9XyT2mLw8RvN4c: {
          session_id: 'Zb3kPq9XyT2mLw8RvN4c',
          activity: 'Weightlifting',
          created_at: '2025-02-05T18:00:00',
          uploaded_date: '2025-02-05T17:58:12Z',
          video_url: 'https://storage.googleapis.com/b/v.mov',
          thumbnail_url: 'https://storage.googleapis.com/b/t.jpg',
          title: 'Back squat',
          user_id: 'u1',
          video_status: 'Processed',
          exercise: 'Squat',
        },
        a8Hq2ZrT5mNc0PvXy3Lk: { created_at: 'Wed, 05 Feb 2025 19:30:00 GMT', video_status: 'Failed' },
      },
    };
    expectDocumented('sessions.getByIds', body);
    const out = getOperation('sessions.getByIds').output.parse(body) as { sessions: Session[] };
    expect(out.sessions.map((s) => [s.id, s.status, s.created_at_iso])).toEqual([
      ['Zb3kPq9XyT2mLw8RvN4c', 'processed', '2025-02-05T18:00:00.000Z'],
      ['a8Hq2ZrT5mNc0PvXy3Lk', 'failed', '2025-02-05T19:30:00.000Z'],
    ]);
    expect(out.sessions[0].created_at).toBe('2025-02-05T18:00:00');
  });

  test('lenient: null fields, numbers as text, an unreadable created_at and an array of sessions all parse', () => {
    const out = getOperation('sessions.listAll').output.parse({
      sessions: [{ session_id: 'x1', created_at: { date: 'soon', time: '' }, segments: '7', video_url: null, metrics: null }],
      extra: 1,
    }) as { sessions: Session[]; extra: number };
    expect(out.extra).toBe(1);
    expect(out.sessions[0]).toMatchObject({ id: 'x1', created_at_iso: null, segments: 7, video_url: null, status: 'processing' });
  });

  test('a malformed listing still fails (sessions must be sessions)', () => {
    expect(getOperation('sessions.listAll').output.safeParse({ sessions: 'nope' }).success).toBe(false);
    expect(getOperation('sessions.listAll').output.safeParse({ sessions: { a: 5 } }).success).toBe(false);
  });

  test('status: any case of processed/failed; anything else is processing', () => {
    expect(['Processed', 'PROCESSED', ' processed ', 'Failed', 'failed', 'Processing', 'queued', undefined, null, 3].map(statusOf)).toEqual([
      'processed', 'processed', 'processed', 'failed', 'failed', 'processing', 'processing', 'processing', 'processing', 'processing',
    ]);
    expect(Session.parse({ session_id: 'q', video_status: 'FAILED' })).toMatchObject({ id: 'q', status: 'failed' });
  });

  test('update, delete and analyzed video answers', () => {
    const ok = { success: 'Session updated successfully.' };
    expectDocumented('sessions.update', ok);
    expect(getOperation('sessions.update').output.parse(ok)).toEqual(ok);
    expect(getOperation('sessions.delete').output.parse({ success: 'Session deleted.' })).toEqual({ success: 'Session deleted.' });
    const video = { analyzed_video_url: 'https://storage.googleapis.com/bucket/analyzed_video.mp4' };
    expectDocumented('sessions.getAnalyzedVideo', video);
    expectDocumented('sessions.generateAnalyzedVideo', video);
    expect(getOperation('sessions.getAnalyzedVideo').output.parse(video)).toEqual(video);
  });
});
