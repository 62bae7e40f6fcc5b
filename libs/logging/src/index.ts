export { createLogger, LOG_LEVELS } from './lib/create-logger';
export type { Logger, LoggerOptions, LogLevel } from './lib/create-logger';
export { describeCliError, runCli } from './lib/run-cli';
export { positiveInt, seedInt } from './lib/cli-options';
export { createCliProgram } from './lib/cli-program';
export { logText } from './lib/log-text';
