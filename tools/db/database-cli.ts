import { Command } from 'commander';
import {
  ensureDatabaseServer,
  installSignalHandlers,
  loadConfigFromEnvironment,
  migrateDown,
  migrateUp,
  openOwnerDatabase,
  registerCleanup,
  runCleanups,
} from '@securities/database';
import { DataSource } from 'typeorm';

const log = (message: string): void => void process.stdout.write(`${message}\n`);

async function withOwnerDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  const { dataSource } = await openOwnerDatabase(config, {
    log,
    applicationName: 'securities-migrations',
  });
  try {
    return await work(dataSource);
  } finally {
    await runCleanups();
  }
}

const program = new Command('database')
  .description('Schema migrations and the embedded PostgreSQL server of the Securities Platform')
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply every pending migration')
  .action(async () => {
    const applied = await withOwnerDataSource(migrateUp);
    log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
        : 'Schema is up to date.',
    );
  });

program
  .command('revert')
  .description('revert the last migration (or all of them with --all)')
  .option('--all', 'revert every migration, leaving an empty database')
  .action(async (options: { all?: boolean }) => {
    const reverted = await withOwnerDataSource((dataSource) =>
      migrateDown(dataSource, options.all ? Infinity : 1),
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

program.parseAsync().catch(async (error: Error) => {
  process.stderr.write(`${error.name === 'Error' ? 'Error' : error.name}: ${error.message}\n`);
  await runCleanups();
  process.exit(1);
});
