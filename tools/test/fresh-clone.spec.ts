import { workspaceRoot } from '@securities/database';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A fresh clone of the committed tree (node_modules linked in, as `npm ci` would give): what a new
 * user has before running anything, without npm test's set-up step.
 */
describe('on a fresh clone', () => {
  let clone: string;

  beforeAll(() => {
    clone = join(mkdtempSync(join(tmpdir(), 'securities-fresh-clone-')), 'repo');
    execFileSync('git', ['clone', '-q', workspaceRoot, clone]);
    symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(join(clone, '..'), { recursive: true, force: true }));

  it('`npx nx test variance` runs the project’s tests and writes its results file', async () => {
    expect(existsSync(join(clone, 'tmp'))).toBe(false);
    const { stdout, stderr } = await promisify(execFile)(
      'npx',
      ['nx', 'test', 'variance', '--skip-nx-cache', '--output-style=stream'],
      {
        cwd: clone,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' },
      },
    );
    // eslint-disable-next-line no-control-regex
    const output = (stdout + stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(existsSync(join(clone, 'tmp/test-results/variance.json'))).toBe(true);
  }, 300_000);
});
