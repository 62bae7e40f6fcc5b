import { registerCleanup, workspaceRoot } from '@securities/database';
import { ChildProcess, spawn } from 'node:child_process';

/**
 * The API as its own process, as users run it (primary and workers), on 127.0.0.1:`port` with
 * request logging off (the figures are the API's, not the terminal's); `env` adds to the
 * environment (another database, say). Resolves once it serves; the shutdown cleanups stop it.
 */
export async function startApiProcess(
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      ...env,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  registerCleanup(async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Securities Platform API:')) resolve();
    });
    child.on('exit', (code) =>
      reject(new Error(`the API exited (${code}) before serving:\n${output}`)),
    );
  });
  return child;
}
