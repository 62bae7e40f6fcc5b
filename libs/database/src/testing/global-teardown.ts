import { dropDatasetTemplates, TEST_RUN_ID } from './test-datasets';
import type { startTestServer } from './test-server';
import { TEST_ADMIN_URL } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const { __securitiesTestServer: server, __securitiesOwnRunId: ownRunId } = globalThis as {
    __securitiesTestServer?: Awaited<ReturnType<typeof startTestServer>>;
    __securitiesOwnRunId?: boolean;
  };
  // On a server of the user's (DATABASE_URL) the templates would otherwise stay behind. Templates
  // shared by the runs of `npm test` are dropped by it, once they all are done.
  const adminUrl = process.env[TEST_ADMIN_URL];
  const runId = process.env[TEST_RUN_ID];
  if (adminUrl && runId && ownRunId) await dropDatasetTemplates(adminUrl, runId);
  await server?.stop();
}
