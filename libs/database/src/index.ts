export * from './config/app-config';
export * from './config/environment';
export * from './config/workspace-root';
export * from './data-source/data-source-options';
export * from './data-source/data-version';
export * from './data-source/database-unavailable';
export * from './data-source/migrations-runner';
export * from './data-source/owner-database';
export * from './embedded/connection-settings';
export * from './embedded/database-server';
export * from './embedded/embedded-postgres-server';
export * from './lifecycle/shutdown';
export * from './lifecycle/run-program';
export * from './schema/citus';
export * from './schema/citus-cluster';
export * from './schema/tables';
export * from './schema/tick-bars';
export * from './schema/tick-storage';
export {
  TICK_COMPRESS_AFTER,
  TICK_COMPRESSION_BATCH_ROWS,
} from './migrations/1732500000600-CompressTickData';
export { sqlList } from './migrations/sql';
export * from './safety/data-removal';
export * from './data-source/configured-settings';
export * from './replication/read-replicas';
export * from './replication/replicated-data-source';
