import { workspaceRoot } from '@securities/database';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

interface TaskGraph {
  tasks: { dependencies: Record<string, string[]> };
}

/**
 * What `npm start` runs, read from the task graph Nx would execute (without running it): a fresh
 * clone has an empty database, so serving must come after the bootstrap and the web build.
 */
describe('npm start', () => {
  it('is nx run api:serve', () => {
    const manifest = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8'));
    expect(manifest.scripts.start).toBe('nx run api:serve');
  });

  it('runs database:bootstrap and web:build before api:serve', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['nx', 'run', 'api:serve', '--graph=stdout'],
      {
        cwd: workspaceRoot,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const graph: TaskGraph = JSON.parse(stdout);
    expect(graph.tasks.dependencies['api:serve']).toEqual(
      expect.arrayContaining(['database:bootstrap', 'web:build']),
    );
  }, 120_000);
});
