import { createCliProgram, runCli } from '@securities/logging';
import { registerBaseCommand } from './commands/base.command';
import { registerRealismCommand } from './commands/realism.command';
import { registerScaleCommand } from './commands/scale.command';

const program = createCliProgram('generator', 'Securities Platform data generator');
registerBaseCommand(program);
registerScaleCommand(program);
registerRealismCommand(program);

void runCli('generator', () => program.parseAsync(process.argv));
