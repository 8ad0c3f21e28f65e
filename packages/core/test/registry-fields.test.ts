import { z } from 'zod';
import { defineArea, fieldsOf, getOperation, operations } from '../src/registry';

describe('fieldsOf: host-neutral field descriptions', () => {
  test('createSession: required user and video, optional name, incline, joint list', () => {
    const fields = fieldsOf(getOperation('running.createSession'));
    expect(fields.map((f) => [f.key, f.type, f.required, f.location])).toEqual([
      ['user_id', 'string', true, 'form'],
      ['video', 'file', true, 'file'],
      ['session_name', 'string', false, 'form'],
      ['incline_degree', 'number', false, 'form'],
      ['body_joint_angles', 'enumList', false, 'form'],
    ]);
    const joints = fields.find((f) => f.key === 'body_joint_angles')!;
    expect(joints.options).toEqual([
      { value: 'ankle', label: 'Ankle' },
      { value: 'knee', label: 'Knee' },
      { value: 'elbow', label: 'Elbow' },
      { value: 'hip', label: 'Hip' },
      { value: 'shoulder', label: 'Shoulder' },
    ]);
    const incline = fields.find((f) => f.key === 'incline_degree')!;
    expect([incline.label, incline.min, incline.max, incline.example]).toEqual(['Incline (Degrees)', -30, 30, 5]);
    expect(fields.find((f) => f.key === 'video')!.label).toBe('Video');
  });

  test('filter: enums with options, dates, a bounded integer limit, all optional', () => {
    const fields = fieldsOf(getOperation('sessions.filter'));
    expect(fields.every((f) => !f.required && f.location === 'query')).toBe(true);
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.limit).toMatchObject({ type: 'integer', default: 10, min: 1, max: 100, label: 'Limit' });
    expect(byKey.activity.options!.map((o) => o.value)).toEqual(['Running', 'Weightlifting', 'Vertical Jump', 'Mobility Assessment']);
    expect(byKey.video_status.options).toEqual([
      { value: 'processed', label: 'Processed' },
      { value: 'failed', label: 'Failed' },
    ]);
    expect([byKey.start_date.type, byKey.end_date.type]).toEqual(['date', 'date']);
    expect(byKey.start_after_id).toMatchObject({ type: 'string', label: 'Start After ID' });
  });

  test('flags are booleans defaulting to false; session ids are required strings in the path', () => {
    const fields = fieldsOf(getOperation('sessions.getAnalyzedVideo'));
    expect(fields.map((f) => [f.key, f.type, f.required, f.default])).toEqual([
      ['session_id', 'string', true, undefined],
      ['is_jump', 'boolean', false, false],
      ['is_weight', 'boolean', false, false],
      ['download', 'boolean', false, false],
    ]);
    expect(fieldsOf(getOperation('sessions.getByIds'))[0]).toMatchObject({ key: 'session_ids', type: 'stringList', required: true, location: 'json' });
    expect(fieldsOf(getOperation('sessions.update')).map((f) => f.type)).toEqual(['string', 'string', 'date']);
  });

  test('every field of every operation has a label, a description and a location', () => {
    for (const op of operations) {
      for (const f of fieldsOf(op)) {
        expect([op.id, f.key, f.label.length > 0, f.description.length > 10, typeof f.location]).toEqual([op.id, f.key, true, true, 'string']);
        if (f.type === 'enum' || f.type === 'enumList') expect(f.options!.length).toBeGreaterThan(1);
      }
    }
    expect(fieldsOf(getOperation('running.getTotalMetrics'))).toEqual([]);
  });

  test('schemas without field metadata fall back to introspection', () => {
    const op = defineArea('running', { t: {
      openapiId: 't', title: 'T', description: 'T.', method: 'POST', path: '/t/',
      input: z.strictObject({
        count: z.number().int().optional(),
        ratio: z.number(),
        on: z.boolean().optional(),
        kind: z.enum(['a_b', 'c']),
        tags: z.array(z.string()).optional(),
        picks: z.array(z.enum(['x', 'y'])),
        when: z.date().optional(),
        plain_text: z.string().describe('Some text.'),
      }),
      in: { count: 'json', ratio: 'json', on: 'json', kind: 'json', tags: 'json', picks: 'json', when: 'json', plain_text: 'json' },
      output: z.object({}), successStatus: 200, idempotent: true, sideEffect: 'none',
    } }).t;
    const fields = fieldsOf(op);
    expect(fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['count', 'integer', false],
      ['ratio', 'number', true],
      ['on', 'boolean', false],
      ['kind', 'enum', true],
      ['tags', 'stringList', false],
      ['picks', 'enumList', true],
      ['when', 'date', false],
      ['plain_text', 'string', true],
    ]);
    expect(fields[3].options).toEqual([{ value: 'a_b', label: 'A b' }, { value: 'c', label: 'C' }]);
    expect(fields[7]).toMatchObject({ label: 'Plain text', description: 'Some text.' });
  });
});
