import { dropDatasetTemplates, TEST_RUN_ID } from './test-datasets';
import type { startTestServer } from './test-server';
import { TEST_ADMIN_URL } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const server = (
    globalThis as { __securitiesTestServer?: Awaited<ReturnType<typeof startTestServer>> }
  ).__securitiesTestServer;
  // On a server of the user's (DATABASE_URL) the templates would otherwise stay behind.
  const adminUrl = process.env[TEST_ADMIN_URL];
  const runId = process.env[TEST_RUN_ID];
  if (adminUrl && runId) await dropDatasetTemplates(adminUrl, runId);
  await server?.stop();
}
