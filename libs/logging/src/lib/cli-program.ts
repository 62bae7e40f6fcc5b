import { Command } from 'commander';

/**
 * A commander program that leaves errors to `runCli`: a bad option or command throws instead of
 * exiting, so it is reported in the one CLI format, `<name>: <message>`, with exit code 1.
 */
export function createCliProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
}
