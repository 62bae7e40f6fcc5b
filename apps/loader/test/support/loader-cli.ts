import { spawn } from 'node:child_process';
import { workspaceRoot } from '@securities/database';
import { logText } from '@securities/logging';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The loader CLI run as a real child process from the workspace root, as a user would; stdout as a terminal shows it. */
export function runLoaderCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/loader/src/main.ts', ...args],
      { cwd: workspaceRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: logText(stdout), stderr }));
  });
}
