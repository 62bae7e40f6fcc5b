import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { freePort } from '@securities/database/testing';
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { workspaceRoot } from '@securities/database';
import { ApiTestContext, startApiWithData } from './api-test-context';

describe('SIGTERM finishes in-flight requests, then exits cleanly', () => {
  let ctx: ApiTestContext;
  // The tiny set holds ticks, so the API's start finds a prepared platform and generates nothing:
  // the test waits only for the start itself, never for first-run data.
  beforeAll(async () => (ctx = await startApiWithData('tiny')), TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx.close());

  it('drains a request that is waiting on the database, then exits 143', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        ...ctx.db.env,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const deadline = Date.now() + 60_000;
    while (!output.includes('Securities Platform API:')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`API did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Hold a lock so the request stays in flight until we let it go.
    const locker = new Client(ctx.db.connection);
    await locker.connect();
    await locker.query('BEGIN; LOCK TABLE portfolio IN ACCESS EXCLUSIVE MODE');
    const inFlight = fetch(`http://127.0.0.1:${port}/api/portfolios`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode).toBeNull();
    expect(output).toContain('Shutting down: finishing in-flight requests.');

    await locker.query('COMMIT');
    await locker.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(7);
    expect(await exited).toBe(143);
  });
});
