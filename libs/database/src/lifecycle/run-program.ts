import { runCli } from '@securities/logging';
import { Command } from 'commander';
import { runCleanups } from './shutdown';

/**
 * A command-line program's entry point: parses the arguments and runs the command, then every
 * registered cleanup whatever happened; a failure speaks and exits as `runCli` says. (A file of
 * its own: the tests' global set-up loads shutdown.ts, where the workspace's paths do not resolve.)
 */
export function runProgram(name: string, program: Command): Promise<void> {
  return runCli(name, async () => {
    try {
      await program.parseAsync();
    } finally {
      await runCleanups();
    }
  });
}
