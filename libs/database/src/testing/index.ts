export * from './test-database';
export * from './test-datasets';
export * from './test-engine';
export * from './query-plans';
export * from './test-server';
export * from './workspace-process';
export * from './database-server-process';
export * from './hot-standby';
