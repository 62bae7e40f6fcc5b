import { assertTestEngine } from './test-engine';
import { newTestRunId, TEST_RUN_ID } from './test-datasets';
import { startTestServer, TEST_ADMIN_URL } from './test-server';

/** Jest globalSetup: one server per Jest run; each test file makes its own database on it. */
export default async function globalSetup(): Promise<void> {
  const server = await startTestServer();
  await assertTestEngine(server.adminUrl).catch(async (error: Error) => {
    await server.stop();
    throw error;
  });
  process.env[TEST_ADMIN_URL] = server.adminUrl;
  // Under `npm test` every Jest run shares one id, so a dataset is built once for all of them
  // (tools/testing/with-test-servers.ts drops the templates at the end); alone, a run has its own.
  const ownRunId = !process.env[TEST_RUN_ID];
  if (ownRunId) process.env[TEST_RUN_ID] = newTestRunId();
  Object.assign(globalThis, { __securitiesTestServer: server, __securitiesOwnRunId: ownRunId });
}
