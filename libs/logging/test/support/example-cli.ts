// A tiny CLI for the runCli tests: `fail <message>`, `ok`, `--help`, or a bad option value.
import { createCliProgram, positiveInt, runCli } from '../../src';

const program = createCliProgram('example', 'runCli test program').option(
  '--count <n>',
  'a positive integer',
  positiveInt,
);
program.command('ok').action(() => {
  process.stdout.write('done\n');
});
// Waits on a promise nothing will ever settle: the event loop empties before main returns.
program.command('hang').action(() => new Promise(() => undefined));
program.command('fail <message>').action(async (message: string) => {
  throw new Error(message);
});

void runCli('example', () => program.parseAsync());
