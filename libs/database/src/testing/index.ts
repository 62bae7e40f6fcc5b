export * from './test-database';
export * from './test-server';
export * from './workspace-process';
