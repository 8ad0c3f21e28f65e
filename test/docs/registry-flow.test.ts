/**
 * docs/architecture.md's promise, checked: an operation declared in the registry (plus its
 * schema) reaches the client, the n8n node's options and the docs table with no other edit.
 * The test adds a throwaway GET operation to a copy of the sources and looks at each surface.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyRepository, type RegistryCopy } from './support/registry-copy';

const THROWAWAY = `
const getHeights = defineOperation({
  openapiId: 'jumping_sessions_heights_list',
  title: 'Get Jump Heights',
  description: 'Returns the height of every jump of a session (a throwaway operation of a test).',
  method: 'GET',
  path: '/jumping/sessions/{session_id}/heights/',
  input: z.strictObject({ session_id: sessionIdField() }),
  in: { session_id: 'path' },
  output: z.looseObject({ heights_cm: z.array(z.number()) }),
  successStatus: 200,
  idempotent: true,
  sideEffect: 'none',
});

/** Jumping operations, keyed by client method name. */`;

describe('a new GET operation flows from the registry to every surface', () => {
  let copy: RegistryCopy;
  beforeAll(() => {
    copy = copyRepository();
    copy.edit('packages/core/src/registry/jumping.ts', '\n/** Jumping operations, keyed by client method name. */', THROWAWAY);
    copy.edit('packages/core/src/registry/jumping.ts', "{ get, export: exportData }", '{ get, export: exportData, getHeights }');
    copyFileSync(join(__dirname, 'support', 'flow-probe.cjs'), join(copy.dir, 'flow-probe.cjs'));
  });
  afterAll(() => copy?.remove());

  it('the client has the method, the n8n node the operation with its fields, and the docs table the row', () => {
    const probe = spawnSync(process.execPath, ['flow-probe.cjs'], { cwd: copy.dir, encoding: 'utf8' });
    expect(probe.stderr).toBe('');
    const seen = JSON.parse(probe.stdout) as {
      sent: Array<{ method: string; url: string }>;
      result: unknown;
      n8nOptions: Array<{ name: string; value: string; action: string }>;
      fields: string[];
    };
    expect(seen.sent).toEqual([{ method: 'GET', url: 'http://127.0.0.1:9/jumping/sessions/abc/heights/' }]);
    expect(seen.result).toEqual({ heights_cm: [31, 33] });
    expect(seen.n8nOptions).toContainEqual(expect.objectContaining({ value: 'getHeights', name: 'Get Jump Heights', action: 'Get jump heights' }));
    expect(seen.fields).toEqual(['sessionId']);

    const table = spawnSync(process.execPath, [join(copy.dir, 'scripts', 'ops-table.mjs')], { encoding: 'utf8' });
    expect(table.status).toBe(0);
    const row = readFileSync(join(copy.dir, 'docs', 'operations.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| `jumping.getHeights` |'));
    expect(row).toContain('`GET /jumping/sessions/{session_id}/heights/`');
    expect(row).toContain('Jumping → Get Jump Heights');
  });
});
