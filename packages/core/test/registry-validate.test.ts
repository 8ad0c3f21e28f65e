import { Readable } from 'node:stream';
import { ValidationError } from '../src/errors/input';
import { getOperation, validateInput } from '../src/registry';

/** Runs validateInput and returns the ValidationError it must throw. */
function rejectWith(id: string, input: unknown): ValidationError {
  try {
    validateInput(getOperation(id), input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`expected ${id} to reject ${JSON.stringify(input)?.slice(0, 80)}`);
}

const tenKb = 'a'.repeat(10 * 1024);

describe('bad input is rejected before any request, naming the field and the rule', () => {
  test.each<[string, string, Record<string, unknown>, string, RegExp]>([
    ['empty id', 'running.getGaitAnalysis', { session_id: '' }, 'session_id', /must not be empty/],
    ['whitespace id', 'running.get', { session_id: '   ' }, 'session_id', /must not be empty/],
    ['missing id', 'running.get', {}, 'session_id', /^is required$/],
    ['id with /', 'running.get', { session_id: 'abc/def' }, 'session_id', /must not contain '\/'/],
    ['id with ..', 'sessions.delete', { session_id: '..' }, 'session_id', /must not contain '\.\.'/],
    ['id with ../ traversal', 'sessions.delete', { session_id: '../../admin' }, 'session_id', /must not contain '\/'/],
    ['id with ?', 'jumping.get', { session_id: 'abc?demo=true' }, 'session_id', /must not contain '\?'/],
    ['id with #', 'weightlifting.get', { session_id: 'abc#x' }, 'session_id', /must not contain '#'/],
    ['id with inner space', 'running.export', { session_id: 'ab cd' }, 'session_id', /must not contain spaces/],
    ['id with a dot', 'running.export', { session_id: 'ab.cd' }, 'session_id', /letters, digits.*found '\.'/],
    ['10 KB id', 'running.getSummary', { session_id: tenKb }, 'session_id', /at most 128 characters \(got 10240\)/],
    ['id that is a number', 'running.get', { session_id: 42 }, 'session_id', /must be text/],
    ['unknown joint', 'running.createSession', { user_id: 'u1', video: '/tmp/v.mp4', body_joint_angles: ['knee', 'toe'] },
      'body_joint_angles.1', /must be one of ankle, knee, elbow, hip, shoulder \(got 'toe'\)/],
    ['unknown joint in text', 'running.createSession', { user_id: 'u1', video: '/tmp/v.mp4', body_joint_angles: 'knee, wrist' },
      'body_joint_angles.1', /\(got 'wrist'\)/],
    ['non-numeric incline', 'running.createSession', { user_id: 'u1', video: '/tmp/v.mp4', incline_degree: 'steep' },
      'incline_degree', /must be a number \(got 'steep'\)/],
    ['incline out of range', 'running.createSession', { user_id: 'u1', video: '/tmp/v.mp4', incline_degree: 45 },
      'incline_degree', /between -30 and 30/],
    ['missing user', 'running.createSession', { video: '/tmp/v.mp4' }, 'user_id', /^is required$/],
    ['blank user', 'running.createSession', { user_id: '  ', video: '/tmp/v.mp4' }, 'user_id', /must not be empty/],
    ['missing video', 'running.createSession', { user_id: 'u1' }, 'video', /^is required$/],
    ['video of a wrong kind', 'running.createSession', { user_id: 'u1', video: 42 }, 'video', /file path, an http\(s\) URL/],
    ['ftp video URL', 'running.createSession', { user_id: 'u1', video: 'ftp://x/v.mp4' }, 'video', /http\(s\) URL/],
    ['long session name', 'running.createSession', { user_id: 'u1', video: '/v.mp4', session_name: 'x'.repeat(201) },
      'session_name', /at most 200 characters/],
    ['impossible filter date', 'sessions.filter', { start_date: '31/02/2025' }, 'start_date', /must be a real date.*'31\/02\/2025'/],
    ['malformed filter date', 'sessions.filter', { end_date: '2025/13/45' }, 'end_date', /must be a real date/],
    ['US-style filter date', 'sessions.filter', { end_date: '02/13/2025' }, 'end_date', /day first/],
    ['malformed update date', 'sessions.update', { session_id: 'abc', created_at: 'yesterday' }, 'created_at', /must be a real date-time/],
    ['impossible update time', 'sessions.update', { session_id: 'abc', created_at: '2025-02-05 25:00:00' }, 'created_at', /real date-time/],
    ['invalid Date object', 'sessions.update', { session_id: 'abc', created_at: new Date('x') }, 'created_at', /must be a date-time such as/],
    ['nothing to update', 'sessions.update', { session_id: 'abc' }, 'title', /nothing to update/],
    ['unknown field', 'running.get', { session_id: 'abc', sessionId: 'abc' }, 'sessionId', /is not a known field \(known fields: session_id, demo\)/],
    ['limit 0', 'sessions.filter', { limit: 0 }, 'limit', /between 1 and 100/],
    ['limit 101', 'sessions.filter', { limit: '101' }, 'limit', /between 1 and 100/],
    ['fractional limit', 'sessions.filter', { limit: 2.5 }, 'limit', /whole number/],
    ['unknown activity', 'sessions.filter', { activity: 'Swimming' }, 'activity', /must be one of Running, Weightlifting, Vertical Jump, Mobility Assessment \(got 'Swimming'\)/],
    ['unknown video status', 'sessions.filter', { video_status: 'done' }, 'video_status', /must be one of processed, failed/],
    ['bad cursor id', 'sessions.filter', { start_after_id: 'a/b' }, 'start_after_id', /must not contain '\/'/],
    ['flag that is not a boolean', 'running.get', { session_id: 'abc', demo: 'yes' }, 'demo', /must be true or false \(got 'yes'\)/],
    ['unknown measurement system', 'running.generateSummary', { session_id: 'abc', measurement_system: 'si' }, 'measurement_system', /metric, imperial/],
    ['empty id list', 'sessions.getByIds', { session_ids: [] }, 'session_ids', /at least one session ID/],
    ['too many ids', 'sessions.getByIds', { session_ids: Array.from({ length: 101 }, (_, i) => `id${i}`) }, 'session_ids', /at most 100 session IDs \(got 101\)/],
    ['bad id in list', 'sessions.getByIds', { session_ids: ['ok', 'no/pe'] }, 'session_ids.1', /must not contain '\/'/],
  ])('%s', (_name, id, input, field, rule) => {
    const err = rejectWith(id, input);
    expect(err.issues[0].field).toBe(field);
    expect(err.issues[0].rule).toMatch(rule);
    expect(err.field).toBe(field);
    expect(err.operationId).toBe(id);
    expect(err.message).toContain(field);
  });

  test('every problem is reported, one issue per field', () => {
    const err = rejectWith('running.createSession', { video: 'x.mp4', incline_degree: 'steep', body_joint_angles: 'toe', extra: 1 });
    expect(err.issues.map((i) => i.field).sort()).toEqual(['body_joint_angles.0', 'extra', 'incline_degree', 'user_id']);
  });

  test('a 10 KB id is never echoed back in the message', () => {
    const err = rejectWith('running.get', { session_id: tenKb });
    expect(err.message.length).toBeLessThan(300);
  });

  test('a __proto__ key is an unknown field, never a way to smuggle values in', () => {
    const err = rejectWith('running.get', JSON.parse('{"__proto__": {"session_id": "abc"}}'));
    expect(err.issues.map((i) => [i.field, i.rule.split(' (')[0]])).toEqual([
      ['session_id', 'is required'],
      ['__proto__', 'is not a known field'],
    ]);
  });

  test('input that is not an object is rejected as a whole', () => {
    expect(rejectWith('running.get', 'abc').issues).toEqual([{ field: '(input)', rule: "must be an object of fields (got text 'abc')" }]);
  });
});

describe('valid input comes out wire-ready', () => {
  test('ids are trimmed; text flags become booleans', () => {
    expect(validateInput(getOperation('running.get'), { session_id: '  abc_DEF-123 ', demo: 'TRUE' })).toEqual({
      session_id: 'abc_DEF-123',
      demo: true,
    });
    expect(validateInput(getOperation('sessions.getAnalyzedVideo'), { session_id: 'a', is_jump: false, download: 'false' })).toEqual({
      session_id: 'a',
      is_jump: false,
      download: false,
    });
  });

  test('null and empty optional values count as absent (hosts send them for empty fields)', () => {
    expect(validateInput(getOperation('sessions.filter'), { activity: '', limit: null, title: undefined, video_status: '' })).toEqual({});
    // Blank text and empty lists too: the one place every host's "empty means absent" is decided.
    expect(validateInput(getOperation('sessions.filter'), { title: '   ', user_id: '\t' })).toEqual({});
    expect(validateInput(getOperation('running.createSession'), { user_id: 'u', video: '/tmp/v.mp4', body_joint_angles: [] })).not.toHaveProperty(
      'body_joint_angles',
    );
    expect(validateInput(getOperation('sessions.listAll'), undefined)).toEqual({});
  });

  test('upload fields: joints as an array, incline as a number', () => {
    const video = Readable.from([Buffer.from('x')]);
    const out = validateInput(getOperation('running.createSession'), {
      user_id: ' someUserId123 ',
      video,
      session_name: 'Custom Session',
      incline_degree: ' 5 ',
      body_joint_angles: 'elbow, Knee, ankle, knee',
    });
    expect(out).toEqual({
      user_id: 'someUserId123',
      video,
      session_name: 'Custom Session',
      incline_degree: 5,
      body_joint_angles: ['elbow', 'knee', 'ankle'],
    });
    expect(out.video).toBe(video);
  });

  test.each<[string, unknown]>([
    ['file path', '/data/run.mp4'],
    ['https URL', 'https://example.com/v.mp4'],
    ['Buffer', Buffer.from('abc')],
    ['Uint8Array', new Uint8Array([1, 2])],
    ['Blob', new Blob(['abc'])],
    ['Readable', Readable.from([])],
    ['stream object', { stream: Readable.from([]), size: 3, filename: 'v.mp4', contentType: 'video/mp4' }],
  ])('video may be a %s', (_n, video) => {
    expect(validateInput(getOperation('running.createSession'), { user_id: 'u', video }).video).toBe(video);
  });

  test('filter: dates to dd/mm/yyyy, status lower case, activity canonical, limit from text', () => {
    expect(
      validateInput(getOperation('sessions.filter'), {
        start_date: '2025-02-05',
        end_date: new Date(Date.UTC(2025, 1, 28, 23, 59)),
        video_status: 'PROCESSED',
        activity: 'vertical jump',
        limit: '25',
      }),
    ).toEqual({ start_date: '05/02/2025', end_date: '28/02/2025', video_status: 'processed', activity: 'Vertical Jump', limit: 25 });
    expect(validateInput(getOperation('sessions.filter'), { start_date: '5/2/2025', end_date: '2025-02-05T23:30:00-02:00' })).toEqual({
      start_date: '05/02/2025',
      end_date: '05/02/2025',
    });
  });

  test('update: created_at to YYYY-MM-DD HH:MM:SS (UTC)', () => {
    const op = getOperation('sessions.update');
    expect(validateInput(op, { session_id: 'a', created_at: '2025-02-05T18:00:00Z' }).created_at).toBe('2025-02-05 18:00:00');
    expect(validateInput(op, { session_id: 'a', created_at: '2025-02-05T18:00:00+01:00' }).created_at).toBe('2025-02-05 17:00:00');
    expect(validateInput(op, { session_id: 'a', created_at: '2025-02-05 18:00:00' }).created_at).toBe('2025-02-05 18:00:00');
    expect(validateInput(op, { session_id: 'a', created_at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) }).created_at).toBe(
      '2025-01-02 03:04:05',
    );
    expect(validateInput(op, { session_id: 'a', title: ' New title ' })).toEqual({ session_id: 'a', title: 'New title' });
  });

  test('by-ids: list or comma-separated text', () => {
    const op = getOperation('sessions.getByIds');
    expect(validateInput(op, { session_ids: 'a1, b2,,c3' })).toEqual({ session_ids: ['a1', 'b2', 'c3'] });
    expect(validateInput(op, { session_ids: ['a1'] })).toEqual({ session_ids: ['a1'] });
  });

  test('measurement system accepts any case', () => {
    expect(validateInput(getOperation('running.generateSummary'), { session_id: 'a', measurement_system: 'Imperial' })).toEqual({
      session_id: 'a',
      measurement_system: 'imperial',
    });
  });
});
