import {
  applyConfiguredSettings,
  ConnectionSettings,
  ensureDatabaseServer,
  installSignalHandlers,
  loadConfigFromEnvironment,
  migrateDown,
  migrateUp,
  openOwnerDatabase,
  registerCleanup,
  runCleanups,
  runProgram,
} from '@securities/database';
import { createCliProgram, createLogger } from '@securities/logging';
import { DataSource } from 'typeorm';

const logger = createLogger({ name: 'database' });
const log = (message: string): void => logger.info(message);

async function withOwnerDataSource<T>(
  work: (dataSource: DataSource, connection: ConnectionSettings) => Promise<T>,
): Promise<T> {
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  try {
    const { server, dataSource } = await openOwnerDatabase(config, {
      log,
      applicationName: 'securities-migrations',
    });
    return await work(dataSource, server.connection);
  } finally {
    await runCleanups();
  }
}

const program = createCliProgram(
  'database',
  'Schema migrations and the embedded PostgreSQL server of the Securities Platform',
);

program
  .command('migrate')
  .description(
    'apply every pending migration, then the configured read-only password and tick range',
  )
  .action(async () => {
    const config = loadConfigFromEnvironment();
    await withOwnerDataSource(async (dataSource, connection) => {
      const applied = await migrateUp(dataSource);
      log(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
          : 'Schema is up to date.',
      );
      for (const change of await applyConfiguredSettings(dataSource, config, connection))
        log(change);
    });
  });

program
  .command('revert')
  .description('revert the last migration (or all of them with --all), in one transaction')
  .option('--all', 'revert every migration, leaving an empty database')
  .option('--drop-data', 'allow dropping tables that hold rows (refused without it)')
  .action(async (options: { all?: boolean; dropData?: boolean }) => {
    const reverted = await withOwnerDataSource((dataSource) =>
      migrateDown(dataSource, options.all ? Infinity : 1, { dropData: options.dropData }),
    );
    log(
      reverted.length
        ? `Reverted ${reverted.length} migration(s): ${reverted.map((m) => m.name).join(', ')}`
        : 'Nothing to revert.',
    );
  });

program
  .command('server')
  .description('run the embedded PostgreSQL server in the foreground until Ctrl-C')
  .action(async () => {
    const config = loadConfigFromEnvironment();
    if (config.database.kind !== 'embedded') {
      throw new Error(
        'A database is configured (DATABASE_URL or POSTGRES_HOST): there is no embedded server to run.',
      );
    }
    // Registered first so it runs last, after the server has stopped.
    registerCleanup(async () => log('Embedded PostgreSQL stopped.'));
    installSignalHandlers();
    const server = await ensureDatabaseServer(config.database, { log });
    const { host, port, user, database } = server.connection;
    log(
      `Embedded PostgreSQL ready: postgresql://${user}@${host}:${port}/${database} (Ctrl-C to stop)`,
    );
    await new Promise(() => undefined);
  });

void runProgram('database', program);
