import {
  AppConfig,
  ConnectionSettings,
  createDataSource,
  DatabaseServer,
  ensureDatabaseServer,
  migrateUp,
  readonlyConnection,
} from '@securities/database';

export interface PreparedDatabase {
  server: DatabaseServer;
  /** What the API connects as. */
  readonly: ConnectionSettings;
}

/**
 * Everything `npm start` needs before serving: a running server (the embedded one when nothing is
 * configured) with the schema migrated, as the owner role.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (message: string) => void,
): Promise<PreparedDatabase> {
  const server = await ensureDatabaseServer(config.database, { log });
  const owner = createDataSource(config, server.connection, {
    applicationName: 'securities-startup',
  });
  await owner.initialize();
  try {
    const applied = await migrateUp(owner);
    log(applied.length ? `Applied ${applied.length} migration(s).` : 'Schema is up to date.');
  } finally {
    await owner.destroy();
  }
  return { server, readonly: readonlyConnection(config, server.connection) };
}
