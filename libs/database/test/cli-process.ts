import { spawnWorkspaceScript, waitForOutput, WorkspaceProcess } from '../src/testing';

/** The database CLI (tools/db/database-cli.ts) run as a real child process, as a user would. */
export function spawnDatabaseCli(
  args: string[],
  env: Record<string, string | undefined>,
): WorkspaceProcess {
  return spawnWorkspaceScript('tools/db/database-cli.ts', args, env);
}

export function waitForServerReady(cli: WorkspaceProcess): Promise<void> {
  return waitForOutput(cli, /Embedded PostgreSQL ready/, 30_000);
}
