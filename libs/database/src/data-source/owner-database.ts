import { DataSource } from 'typeorm';
import { AppConfig, DatabaseTarget } from '../config/app-config';
import { DatabaseServer, ensureDatabaseServer } from '../embedded/database-server';
import { registerCleanup } from '../lifecycle/shutdown';
import { createDataSource, DataSourceExtras } from './data-source-options';

export interface OwnerDatabase {
  server: DatabaseServer;
  /** Initialised, connected as the schema owner. */
  dataSource: DataSource;
}

export interface OwnerDatabaseOptions extends DataSourceExtras {
  log?: (message: string) => void;
  /** Extra `postgres -c` settings for an embedded server this call starts. */
  settings?: Record<string, string>;
  /** Another server than the configured one (a benchmark's own embedded server). */
  target?: DatabaseTarget;
}

/**
 * How a program opens its database: the configured server (the embedded one started or reused
 * when nothing is configured) and an owner DataSource on it. Both close with the shutdown
 * cleanups, the DataSource before the server it uses.
 */
export async function openOwnerDatabase(
  config: AppConfig,
  options: OwnerDatabaseOptions = {},
): Promise<OwnerDatabase> {
  const { log, settings, target, ...extras } = options;
  const server = await ensureDatabaseServer(target ?? config.database, { log, settings });
  const dataSource = createDataSource(config, server.connection, extras);
  registerCleanup(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  await dataSource.initialize();
  return { server, dataSource };
}
