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
  process.env[TEST_RUN_ID] = newTestRunId();
  (globalThis as { __securitiesTestServer?: typeof server }).__securitiesTestServer = server;
}
