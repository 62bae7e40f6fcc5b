import { spawnWorkspaceScript, waitForOutput } from '@securities/database/testing';

export interface DatabaseServerProcess {
  stop(): Promise<void>;
}

/** `tools/db/database-cli.ts server`, the embedded PostgreSQL in its own process, as a user runs it. */
export async function startDatabaseServerProcess(
  env: Record<string, string>,
): Promise<DatabaseServerProcess> {
  const server = spawnWorkspaceScript('tools/db/database-cli.ts', ['server'], {
    DATABASE_URL: '',
    POSTGRES_HOST: '',
    ...env,
  });
  await waitForOutput(server, /Embedded PostgreSQL ready/, 30_000);
  return {
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}
