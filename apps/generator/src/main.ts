import { Command } from 'commander';
import { registerBaseCommand } from './commands/base.command';
import { registerRealismCommand } from './commands/realism.command';
import { registerScaleCommand } from './commands/scale.command';

const program = new Command('generator')
  .description('Securities Platform data generator')
  .showHelpAfterError('(run with --help for usage)');

registerBaseCommand(program);
registerScaleCommand(program);
registerRealismCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`generator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
