export { createLogger } from './lib/create-logger';
export type { LoggerOptions } from './lib/create-logger';
export { runCli } from './lib/run-cli';
