import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { getOperation } from '../src/registry';

// Samples follow the running page (003) and the retrieval overview (002/004).
const doc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: 'openapi.json' });

/** Checks the sample against docs/openapi.json, then parses it with the registry's output schema. */
function parseDocumented(id: string, body: unknown): Record<string, any> {
  const op = getOperation(id);
  const method = Object.entries(doc.paths[op.path] as Record<string, { operationId?: string }>).find(([, o]) => o.operationId === op.openapiId)![0];
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const validate = ajv.compile({
    $ref: `openapi.json#/paths/${esc(op.path)}/${method}/responses/${op.successStatus}/content/${esc('application/json')}/schema`,
  });
  expect([validate(body), validate.errors ?? []]).toEqual([true, []]);
  return op.output.parse(body) as Record<string, any>;
}

const mma = (min: number, max: number, avg: number) => ({ min, max, avg, values: [min, avg, max] });
const userInfo = { age: 34, gender: 'female', height: 168, weight: 58.5, email: 'ana@example.com', uid: 'u1', display_name: 'Ana', shoeSize: 39, ycom: 0.93, leg_length: 0.87, brand: null };
const phase = (f: number) => ({ video_frame: f, graph_phase: f % 100, video_phase: f % 50, image_url: `https://storage.googleapis.com/b/phase_${f}.jpg` });
const side = {
  peak_time: 0.21,
  initiator: 'left',
  phases: { flight: phase(10), takeoff: phase(20), mid_stance: phase(30), strike: phase(40), new_strike: phase(50) },
  angles: { posture_angle: { current: [5.1, 5.3], next: [5.2, 5.4], std_dev: [0.2, 0.3] }, lhip_angle: { current: [160, 165], next: [161, 166], std_dev: [1, 1.2] } },
  graph_timestamps: [0, 33, 66],
};

describe('running responses', () => {
  test('createSession: id and title', () => {
    expect(parseDocumented('running.createSession', { session_id: 'Zb3kPq9XyT2mLw8RvN4c', title: 'Custom Session' })).toEqual({
      session_id: 'Zb3kPq9XyT2mLw8RvN4c',
      title: 'Custom Session',
    });
    // Without a session id the upload result is useless: that must not pass silently.
    expect(getOperation('running.createSession').output.safeParse({ title: 'x' }).success).toBe(false);
  });

  test('get: details with created_at_iso beside the raw created_at', () => {
    const out = parseDocumented('running.get', {
      session_id: 'abcd1234',
      metrics: { speed: [3.1, 3.3], cadence: [171, 173] },
      angles: { lhip_angle: [160.2, 161], rsho_angle: [40, 41] },
      all_timestamps: [0, 0.033, 0.066],
      analyzed_video_url: 'https://storage.googleapis.com/your-bucket/analyzed_video.mp4',
      video_url: 'https://storage.googleapis.com/your-bucket/original_video.mov',
      segments: 4,
      created_at: { date: '05/02/2025', time: '06:00 PM' },
      user_name: 'Ana',
      activity: 'Running',
      title: 'Treadmill',
      calculated_metrics: { speed: { avg: 3.2, min: 3.1, max: 3.3 } },
      summary: 'Solid session.',
    });
    expect(out.created_at).toEqual({ date: '05/02/2025', time: '06:00 PM' });
    expect(out.created_at_iso).toBe('2025-02-05T18:00:00.000Z');
    expect(out.calculated_metrics.speed.avg).toBe(3.2);
  });

  test('getSummary: statistics blocks, GenAI text, user information', () => {
    const out = parseDocumented('running.getSummary', {
      summary_text: { final_summary: 'Good pacing.', performance_metrics: 'Speed rose steadily.' },
      performance_metrics: { speed: mma(2.9, 3.4, 3.2), pace: mma(4.9, 5.7, 5.2), cadence: mma(168, 176, 172), power: mma(210, 260, 240), normalized_power: mma(3.6, 4.4, 4.1) },
      running_mechanics: { contact_time: mma(0.22, 0.26, 0.24), flight_time: mma(0.1, 0.13, 0.11), stride_time: mma(0.69, 0.72, 0.7), stride_length: mma(1.1, 1.3, 1.2), footstrike: 'forefoot' },
      balance_and_posture: { balance: mma(48, 52, 50), contact_angle: mma(5, 9, 7) },
      distance_and_duration: { total_distance: 1000, total_time: 310 },
      user_information: { ycom: 0.93, weight: 58.5, age: '34', height: 168, user: 'u1', email: 'ana@example.com', display_name: 'Ana', shoeSize: 39 },
      session_date: '07/04/2025',
    });
    expect(out.performance_metrics.speed).toEqual(mma(2.9, 3.4, 3.2));
    expect(out.summary_text.final_summary).toBe('Good pacing.');
    expect(out.user_information.age).toBe('34');
  });

  test('getSummary before GenAI text exists, with numbers sent as text', () => {
    const out = getOperation('running.getSummary').output.parse({
      performance_metrics: { speed: { min: '2.9', max: 3.4, avg: null, values: [] } },
      session_date: '07/04/2025',
    }) as Record<string, any>;
    expect(out.summary_text).toBeUndefined();
    expect(out.performance_metrics.speed).toEqual({ min: 2.9, max: 3.4, avg: null, values: [] });
  });

  test('generate endpoints: thread ids', () => {
    const threads = { performance_metrics: 'thread_a1', running_mechanics: 'thread_b2', balance_and_posture: 'thread_c3', distance_and_duration: 'thread_d4', final_summary: 'thread_e5' };
    expect(parseDocumented('running.generateSummary', threads)).toEqual(threads);
    const form = { contact_angle: 't1', push_angle: 't2', knee_ankle: 't3', general_form_recommendation: 't4' };
    expect(parseDocumented('running.generateFormRecommendations', form)).toEqual(form);
    const gait = Object.fromEntries(['left', 'right'].flatMap((s) => ['posture', 'hip', 'knee', 'ankle'].map((j) => [`${s}_${j}_angle`, `thr_${s}_${j}`])));
    expect(parseDocumented('running.generateGaitRecommendations', gait)).toEqual(gait);
  });

  test('export: series and foot contact', () => {
    const out = parseDocumented('running.export', {
      metrics: { speed: [3.1, 3.2] },
      keypoints: { lknev: [0.1, 0.2], ltoev: [0.3, 0.4] },
      angles: { lelb_angle: [80, 82], lhip_angle: [160, 161] },
      all_timestamps: [0, 0.033],
      contact: [true, false],
      activity: 'Running',
    });
    expect(out.contact).toEqual([true, false]);
  });

  test('export: numbers as text or null are accepted, wrong kinds are not', () => {
    const ex = getOperation('running.export').output;
    expect(ex.parse({ all_timestamps: ['0.5', 1, null, 'NaN'], contact: [1, 0, null, true] })).toEqual({
      all_timestamps: [0.5, 1, null, null],
      contact: [1, 0, null, true],
    });
    expect(ex.safeParse({ all_timestamps: [1, { t: 2 }] }).error?.issues[0].path).toEqual(['all_timestamps', 1]);
    expect(ex.safeParse({ contact: ['yes'] }).success).toBe(false);
  });

  test('getFormAnalysis: metrics, images, user info, comments', () => {
    const out = parseDocumented('running.getFormAnalysis', {
      metrics: { speed: 3.2, balance: 50.1, cadence: 172, contact_angle: 7, eversion_velocity: 310, knee_flexion: 42, posture_angle: 6, ankle_angle: 95, com_oscillation: 8.1, stride_angle: 12, mean_h: 0.9 },
      images: { contact_angle: 'https://storage.googleapis.com/b/c.jpg', push_angle: 'https://storage.googleapis.com/b/p.jpg', knee_ankle: 'https://storage.googleapis.com/b/k.jpg' },
      user_info: userInfo,
      form_comments: { contact_angle: 'Land closer to your centre of mass.' },
      date: '07/04/2025',
    });
    expect(out.metrics.mean_h).toBe(0.9);
    expect(out.user_info.brand).toBeNull();
  });

  test('getGaitAnalysis: both sides with phases and angle curves', () => {
    const out = parseDocumented('running.getGaitAnalysis', {
      left: side,
      right: { ...side, initiator: 'right' },
      user_info: { ...userInfo, session_count: 12, last_session: '06/04/2025' },
      report_comments: { right_posture_angle: 'Lean slightly forward.' },
      date: '07/04/2025',
    });
    expect(out.left.phases.takeoff.video_frame).toBe(20);
    expect(out.right.angles.lhip_angle.current).toEqual([160, 165]);
  });

  test('getTotalMetrics: averages, last session and its created_at_iso', () => {
    const out = parseDocumented('running.getTotalMetrics', {
      avg_metrics: { avg_speed: 3.1, avg_power: 240, avg_cadence: 171, avg_flight_time: 0.11 },
      last_session_metrics: {
        speed: mma(2.9, 3.4, 3.2), normalized_power: mma(3.6, 4.4, 4.1), cadence: mma(168, 176, 172), total_distance: 1000,
        power: mma(210, 260, 240), stride_time: mma(0.69, 0.72, 0.7), total_time: 310, contact_time: mma(0.22, 0.26, 0.24),
        contact_angle: mma(5, 9, 7), incline: mma(0, 1, 0.5), pace: mma(4.9, 5.7, 5.2), stride_length: mma(1.1, 1.3, 1.2),
        rbalance: mma(48, 52, 50), flight_time: mma(0.1, 0.13, 0.11), footstrike: 'midfoot',
      },
      last_session_created_at: { date: '31/12/2024', time: '12:00 PM' },
    });
    expect(out.last_session_created_at_iso).toBe('2024-12-31T12:00:00.000Z');
    expect(out.last_session_metrics.footstrike).toBe('midfoot');
  });
});

describe('jumping and weightlifting responses (retrieval overview fragments)', () => {
  const fragment = {
    session_id: 'abcd1234',
    analyzed_video_url: 'https://storage.googleapis.com/your-bucket/analyzed_video.mp4',
    video_url: 'https://storage.googleapis.com/your-bucket/original_video.mov',
    created_at: { date: '05/02/2025', time: '06:00 PM' },
  };

  test.each(['jumping.get', 'weightlifting.get'])('%s keeps the fragment and adds created_at_iso', (id) => {
    const out = parseDocumented(id, { ...fragment, metrics: { jump_height: [0.41] }, exercise: 'Squat' });
    expect(out).toMatchObject({ ...fragment, created_at_iso: '2025-02-05T18:00:00.000Z' });
  });

  test.each(['jumping.export', 'weightlifting.export'])('%s: keypoints, angles, metrics', (id) => {
    const out = parseDocumented(id, { keypoints: { lknev: [0.1] }, angles: { lhip_angle: [150] }, metrics: { reps: 5 }, all_timestamps: [0], activity: 'Weightlifting' });
    expect(out.keypoints.lknev).toEqual([0.1]);
  });

  test('lift analysis: unknown multilingual content is kept as sent', () => {
    const body = { images: { bottom: 'https://storage.googleapis.com/b/bottom.jpg' }, recommendations: { en: 'Keep your chest up.', es: 'Mantén el pecho arriba.' } };
    expect(parseDocumented('weightlifting.getLiftAnalysis', body)).toEqual(body);
  });
});
