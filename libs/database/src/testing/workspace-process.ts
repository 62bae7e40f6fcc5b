import { ChildProcess, spawn } from 'node:child_process';
import { workspaceRoot } from '../config/workspace-root';

export interface WorkspaceProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A TypeScript entry point of the workspace (a CLI, the API) run as a real child process from the
 * workspace root, as a user runs it. `undefined` in `env` unsets a variable.
 */
export function spawnWorkspaceScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): WorkspaceProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: workspaceRoot,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves once the process has printed `pattern`; rejects if it exits first or time runs out. */
export function waitForOutput(
  process: WorkspaceProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Timed out waiting for ${pattern}; output:\n${process.output()}`)),
      timeoutMs,
    );
    const check = () => {
      if (pattern.test(process.output())) {
        clearTimeout(timer);
        resolve();
      }
    };
    process.child.stdout?.on('data', check);
    process.child.stderr?.on('data', check);
    void process.exited.then(() => {
      clearTimeout(timer);
      if (pattern.test(process.output())) resolve();
      else reject(new Error(`Exited before ${pattern}; output:\n${process.output()}`));
    });
    check();
  });
}
