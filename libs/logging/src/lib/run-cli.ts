/** What commander throws (with `exitOverride`) for --help, --version and bad arguments. */
interface CommanderExit {
  code: string;
  exitCode: number;
  message: string;
}

function isCommanderExit(error: unknown): error is CommanderExit {
  const { code, exitCode } = (error ?? {}) as Partial<CommanderExit>;
  return typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number';
}

/** The one line (or paragraph) a failed program prints: its message, without a stack trace. */
export function describeCliError(error: unknown): string {
  if (isCommanderExit(error)) return error.message.replace(/^error: /, '');
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Runs a program's main and gives every CLI the same ending: on success the process ends on its
 * own; any error is printed to stderr as `<name>: <message>` and the process exits with code 1.
 * Commander's own exits (`--help`) keep their code. `main` closes what it opened (see
 * `runCleanups` in @securities/database) before its promise settles.
 */
export async function runCli(name: string, main: () => Promise<unknown>): Promise<void> {
  // Node ends a program whose last promise can never settle (nothing left to wait on) with code 0:
  // a CLI that did not finish must never look as if it had.
  const unfinished = () => {
    process.stderr.write(
      `${name}: stopped before finishing (a step waited on something that had gone away)\n`,
    );
    process.exit(1);
  };
  process.once('beforeExit', unfinished);
  try {
    await main();
  } catch (error) {
    if (isCommanderExit(error) && error.exitCode === 0) process.exit(0);
    process.stderr.write(`${name}: ${describeCliError(error)}\n`);
    process.exit(1);
  } finally {
    process.removeListener('beforeExit', unfinished);
  }
}
