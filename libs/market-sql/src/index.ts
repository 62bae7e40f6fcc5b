export * from './lib/bar-sources';
export * from './lib/tick-sql';
export * from './lib/json-sql';
