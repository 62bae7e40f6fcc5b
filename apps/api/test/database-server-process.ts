import { spawn } from 'node:child_process';
import { workspaceRoot } from '@securities/database';

export interface DatabaseServerProcess {
  stop(): Promise<void>;
}

/** `tools/db/database-cli.ts server`, the embedded PostgreSQL in its own process, as a user runs it. */
export async function startDatabaseServerProcess(
  env: Record<string, string>,
): Promise<DatabaseServerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/db/database-cli.ts', 'server'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, DATABASE_URL: '', POSTGRES_HOST: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Embedded PostgreSQL ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => reject(new Error(`The database server exited early:\n${output}`)));
  });
  return {
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
