import { fieldsOf, getOperation } from '@aikynetix/core';
import zapier from 'zapier-platform-core';
import { App } from './support/app';
import { expectFlat } from './support/shape';

type Field = { key: string; label?: string; dynamic?: string; search?: string; choices?: unknown; type?: string; list?: boolean; required?: boolean };
type Def = {
  key: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { inputFields?: Field[]; outputFields?: Field[]; sample?: Record<string, unknown> };
};
const kinds = ['triggers', 'searches', 'creates'] as const;
const all: Array<[string, string, Def]> = kinds.flatMap((kind) =>
  Object.values((App as unknown as Record<string, Record<string, Def>>)[kind]).map((d) => [kind, d.key, d] as [string, string, Def]),
);

describe('the app definition', () => {
  it('passes zapier-platform-core\'s validate command (zapier-platform-schema)', async () => {
    const handler = (zapier as unknown as { createAppHandler(app: unknown): unknown }).createAppHandler(App);
    const errors = await new Promise<unknown[]>((resolve, reject) =>
      (handler as unknown as (e: object, c: object, cb: (err: unknown, res: { results: unknown[] }) => void) => void)(
        { command: 'validate', platformVersion: zapier.version },
        {},
        (err, res) => (err ? reject(err) : resolve(res.results)),
      ),
    );
    expect(errors).toEqual([]);
  });

  it('has every trigger, search and create the integration promises', () => {
    expect(Object.keys(App.triggers).sort()).toEqual(['activity_list', 'athlete_list', 'new_session', 'session_failed', 'session_list', 'session_processed']);
    expect(Object.keys(App.searches).sort()).toEqual(
      ['analyzed_video_url', 'find_athlete', 'find_session', 'gait_analysis_report', 'lift_analysis', 'running_form_report', 'running_summary', 'session_details', 'session_export', 'total_metrics'].sort(),
    );
    expect(Object.keys(App.creates).sort()).toEqual(
      ['delete_session', 'generate_analyzed_video', 'generate_form_recommendations', 'generate_gait_recommendations', 'generate_summary', 'update_session', 'upload_video'].sort(),
    );
  });

  it.each(all)('%s.%s has a flat sample with an id covering every labelled output field', (_kind, _key, def) => {
    const { sample, outputFields } = def.operation;
    expect(sample).toBeDefined();
    expect(typeof sample!.id).toBe('string');
    expectFlat(sample!);
    expect(outputFields?.length).toBeGreaterThan(0);
    const keys = outputFields!.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => !(k in sample!))).toEqual([]);
    for (const f of outputFields!) expect(f.label?.trim()).toBeTruthy();
  });

  it.each(all.filter(([, , d]) => !d.display.hidden))('%s.%s describes itself in Zapier\'s style', (kind, _key, def) => {
    const verb = { triggers: /^Triggers when /, searches: /^Finds /, creates: /^(Creates|Updates|Deletes) / }[kind as 'triggers'];
    expect(def.display.description).toMatch(verb);
    expect(def.display.description.length).toBeLessThanOrEqual(1000);
  });

  it('dropdowns and search links point at existing hidden triggers and searches', () => {
    for (const [, , def] of all) {
      for (const f of def.operation.inputFields ?? []) {
        if (f.dynamic) {
          const [trigger, id, label] = f.dynamic.split('.');
          const t = (App.triggers as Record<string, Def>)[trigger];
          expect(t?.display.hidden).toBe(true);
          expect(t.operation.sample).toHaveProperty(id);
          expect(t.operation.sample).toHaveProperty(label);
        }
        if (f.search) expect(Object.keys(App.searches)).toContain(f.search.split('.')[0]);
      }
    }
  });

  it('input fields come from the core registry (labels, choices, required)', () => {
    const gen = App.creates.generate_summary.operation.inputFields as Field[];
    const core = fieldsOf(getOperation('running.generateSummary'));
    expect(gen.map((f) => f.key)).toEqual(core.map((f) => f.key));
    const ms = gen.find((f) => f.key === 'measurement_system')!;
    expect(ms.label).toBe(core.find((f) => f.key === 'measurement_system')!.label);
    expect(ms.choices).toEqual(core.find((f) => f.key === 'measurement_system')!.options!.map((o) => ({ ...o, sample: o.value })));
    const upload = App.creates.upload_video.operation.inputFields as Field[];
    expect(upload.find((f) => f.key === 'video')?.type).toBe('file');
    expect(upload.find((f) => f.key === 'body_joint_angles')?.list).toBe(true);
    const sessionField = (App.searches.gait_analysis_report.operation.inputFields as Field[]).find((f) => f.key === 'session_id')!;
    expect(sessionField.dynamic).toBe('session_list.id.label');
    expect(sessionField.search).toBe('find_session.id');
  });

  it('the API key field is a secret and the connection has a label', () => {
    const fields = App.authentication.fields as Field[];
    expect(fields.find((f) => f.key === 'apiKey')?.type).toBe('password');
    // The common case is one field: the key (the rest is one optional, labelled-to-leave-empty field).
    expect(fields.filter((f) => f.required).map((f) => f.key)).toEqual(['apiKey']);
    expect(fields.map((f) => f.key)).toEqual(['apiKey', 'advanced']);
    expect(typeof App.authentication.connectionLabel).toBe('function');
  });
});

describe('the Zapier inventory (src/operations.ts) behind docs/operations.md', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ZAPIER_KEYS } = require('../src/operations') as typeof import('../src/operations');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { operations } = require('@aikynetix/core/host') as { operations: Array<{ id: string }> };

  it('lists every key of the app exactly once, with its hidden flag, and only registry operations', () => {
    const app = App as unknown as Record<string, Record<string, { display: { hidden?: boolean } }>>;
    const fromApp = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
      Object.entries(app[kind]).map(([key, def]) => `${kind}.${key}${def.display.hidden ? ' (hidden)' : ''}`),
    );
    const listed = ZAPIER_KEYS.map((k) => `${k.kind}.${k.key}${k.hidden ? ' (hidden)' : ''}`);
    expect([...listed].sort()).toEqual([...fromApp].sort());
    const ids = new Set(operations.map((o) => o.id));
    for (const k of ZAPIER_KEYS) for (const op of k.operations) expect(ids.has(op)).toBe(true);
  });
});
