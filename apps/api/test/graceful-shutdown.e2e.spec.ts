import {
  freePort,
  spawnWorkspaceScript,
  TEST_DATASET_TIMEOUT_MS,
  waitForOutput,
  WorkspaceProcess,
} from '@securities/database/testing';
import { Client } from 'pg';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

// Two workers start on a shared, busy machine: give them room.
const START_TIMEOUT_MS = 120_000;

describe('SIGTERM finishes in-flight requests in every worker, then exits 0', () => {
  let ctx: ApiTestContext;
  let api: WorkspaceProcess | undefined;
  beforeAll(async () => (ctx = await startApiWithBaseData()), TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    // A failed expectation must not leave the API running.
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await ctx.close();
  });

  it(
    'drains a request that is waiting on the database, then exits 0',
    async () => {
      const port = await freePort();
      api = spawnWorkspaceScript('apps/api/src/main.ts', [], {
        ...ctx.db.env,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        API_WORKERS: '2',
        LOG_LEVEL: 'silent',
      });
      await waitForOutput(api, /Securities Platform API:/, START_TIMEOUT_MS);

      // Hold a lock so the request stays in flight until we let it go.
      const locker = new Client(ctx.db.connection);
      await locker.connect();
      await locker.query('BEGIN; LOCK TABLE portfolio IN ACCESS EXCLUSIVE MODE');
      try {
        const inFlight = fetch(`http://127.0.0.1:${port}/api/portfolios`);
        await new Promise((resolve) => setTimeout(resolve, 500));

        api.child.kill('SIGTERM');
        await waitForOutput(api, /Shutting down: finishing in-flight requests\./, 10_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(api.child.exitCode).toBeNull();

        await locker.query('COMMIT');
        const response = await inFlight;
        expect(response.status).toBe(200);
        // So the worker exits now, not when the idle connection's keep-alive (72 s) runs out.
        expect(response.headers.get('connection')).toBe('close');
        expect(await response.json()).toHaveLength(7);
        expect(await api.exited).toEqual({ code: 0, signal: null });
      } finally {
        await locker.end();
      }
    },
    START_TIMEOUT_MS + 60_000,
  );
});
