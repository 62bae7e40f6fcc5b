import type { startTestServer } from './test-server';

export default async function globalTeardown(): Promise<void> {
  const server = (
    globalThis as { __securitiesTestServer?: Awaited<ReturnType<typeof startTestServer>> }
  ).__securitiesTestServer;
  await server?.stop();
}
