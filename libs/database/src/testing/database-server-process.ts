import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnWorkspaceScript, waitForOutput } from './workspace-process';

export interface DatabaseServerProcess {
  stop(): Promise<void>;
}

/** `tools/db/database-cli.ts server`, the embedded PostgreSQL in its own process, as a user runs it. */
export async function startDatabaseServerProcess(
  env: Record<string, string | undefined>,
): Promise<DatabaseServerProcess> {
  const server = spawnWorkspaceScript('tools/db/database-cli.ts', ['server'], {
    DATABASE_URL: '',
    POSTGRES_HOST: '',
    ...env,
  });
  await waitForOutput(server, /Embedded PostgreSQL ready/, 60_000);
  return {
    stop: async () => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // The parent pid is the 4th field, after the command name in parentheses.
        const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * What a power cut or the OOM killer does to a server: SIGKILL to the postmaster of `dataDir` and
 * every process it started, at once, with no shutdown of any kind. Returns the pids killed.
 */
export function killServerHard(dataDir: string): number[] {
  if (!existsSync('/proc')) throw new Error('killServerHard reads /proc: Linux only');
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster, ...childrenOf(postmaster)];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids;
}
