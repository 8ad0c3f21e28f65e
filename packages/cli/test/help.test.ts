import { PassThrough } from 'node:stream';
import { buildProgram } from '../src/program';
import type { Command } from 'commander';
import { cli } from './helpers';

/** Every runnable command path, read from the program itself (so new commands are covered). */
function leafCommands(): string[][] {
  const program = buildProgram({ stdout: new PassThrough(), stderr: new PassThrough(), env: {} } as never, () => {}, []);
  const out: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    const subs = cmd.commands.filter((c) => c.name() !== 'help');
    if (subs.length === 0) out.push(path);
    for (const c of subs) walk(c, [...path, c.name()]);
  };
  walk(program, []);
  return out;
}

describe('--help', () => {
  const leaves = leafCommands();

  it('covers all commands of the issue, plus video for the analyzed video', () => {
    expect(leaves.map((l) => l.join(' ')).sort()).toEqual(
      ['export', 'metrics total', 'report', 'sessions delete', 'sessions get', 'sessions list', 'simulate', 'summary', 'upload', 'video'],
    );
  });

  it.each(leaves.map((l) => [l.join(' ')]))('%s --help exits 0 with usage and examples on stdout', async (path) => {
    const r = await cli([...path.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: aikynetix ${path}`);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ aikynetix /);
    expect(r.stderr).toBe('');
  });

  it('the root help documents configuration and exit codes', async () => {
    const r = await cli(['--help'], { env: { XDG_CONFIG_HOME: '/cfg' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('/cfg/aikynetix/config.json');
    expect(r.stdout).toContain('AIKYNETIX_API_KEY');
    expect(r.stdout).toMatch(/Exit codes: 0 ok/);
  });

  it('no command at all prints help to stderr and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: aikynetix');
  });

  it('an unknown command suggests the right one and exits 2', async () => {
    const r = await cli(['sesions', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(Did you mean sessions?)');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
