export * from './lib/limits';
export * from './lib/query-params';
export * from './lib/responses';
