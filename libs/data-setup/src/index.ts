export { generateAndLoadBaseSet } from './lib/generate-and-load-base-set';
export type { GenerateAndLoadOptions } from './lib/generate-and-load-base-set';
export { bootstrapDatabase, FIRST_RUN_SCALE_PROFILE } from './lib/bootstrap-database';
export type { BootstrapOptions, BootstrapResult } from './lib/bootstrap-database';
