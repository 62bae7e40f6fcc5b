import { ChildProcess, spawn } from 'node:child_process';
import { workspaceRoot } from '../src';

/** The database CLI (tools/db/database-cli.ts) run as a real child process, as a user would. */
export function spawnDatabaseCli(
  args: string[],
  env: Record<string, string | undefined>,
): ChildProcess & { output: () => string } {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/db/database-cli.ts', ...args],
    {
      cwd: workspaceRoot,
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

export function waitForOutput(
  child: ReturnType<typeof spawnDatabaseCli>,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Timed out waiting for ${pattern}; output:\n${child.output()}`)),
      timeoutMs,
    );
    const check = () => {
      if (pattern.test(child.output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      if (pattern.test(child.output())) resolve();
      else reject(new Error(`Exited before ${pattern}; output:\n${child.output()}`));
    });
    check();
  });
}

export function waitForExit(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}
