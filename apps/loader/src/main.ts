import { Command } from 'commander';
import { resolve } from 'node:path';
import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  openOwnerDatabase,
  registerCleanup,
  runCleanups,
} from '@securities/database';
import { DEFAULT_BASE_SET_DIR } from '@securities/generator-core';
import {
  CsvLoadError,
  formatLoadProgress,
  formatLoadSummary,
  loadCsvDirectory,
} from '@securities/loader-core';

const log = (message: string): void => void process.stdout.write(`${message}\n`);

async function loadCsv(options: { dir: string; dryRun?: boolean }): Promise<void> {
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  const { server, dataSource } = await openOwnerDatabase(config, {
    log,
    applicationName: 'securities-loader',
  });

  const dir = resolve(options.dir);
  const { host, port, database } = server.connection;
  log(`Loading ${dir} into ${database} on ${host}:${port}${options.dryRun ? ' (dry run)' : ''}`);
  // Ctrl-C: abort the load and wait for its rollback before the connection closes.
  const abort = new AbortController();
  const load = loadCsvDirectory({
    dir,
    dataSource,
    dryRun: options.dryRun,
    onProgress: (event) => log(formatLoadProgress(event)),
    signal: abort.signal,
  });
  registerCleanup(async () => {
    abort.abort();
    await load.catch(() => undefined);
  });
  log(formatLoadSummary(await load));
}

const program = new Command('loader')
  .description('Loads the base set CSVs of the Securities Platform into PostgreSQL')
  .showHelpAfterError();

program
  .command('csv')
  .description(
    'load <dir>/<table>.csv into the 13 core tables in one transaction, replacing their rows',
  )
  .option('--dir <dir>', 'folder with one CSV per core table', DEFAULT_BASE_SET_DIR)
  .option('--dry-run', 'validate and load inside the transaction, then roll back: write nothing')
  .action(loadCsv);

program
  .parseAsync()
  .then(() => runCleanups())
  .catch(async (error: Error) => {
    if (error.name === 'AbortError') {
      process.stderr.write('Interrupted: nothing was written (the transaction was rolled back).\n');
    } else if (error instanceof CsvLoadError) {
      process.stderr.write(
        `${error.message}\nLoad failed: nothing was written (the transaction was rolled back).\n`,
      );
    } else {
      process.stderr.write(`${error.name === 'Error' ? 'Error' : error.name}: ${error.message}\n`);
    }
    await runCleanups();
    process.exit(1);
  });
