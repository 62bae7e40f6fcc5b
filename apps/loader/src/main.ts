import { resolve } from 'node:path';
import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  openOwnerDatabase,
  registerCleanup,
  runProgram,
} from '@securities/database';
import { DEFAULT_BASE_SET_DIR } from '@securities/generator-core';
import {
  CsvLoadError,
  formatLoadProgress,
  formatLoadSummary,
  loadCsvDirectory,
} from '@securities/loader-core';
import { createCliProgram, createLogger } from '@securities/logging';

const logger = createLogger({ name: 'loader' });
const log = (message: string): void => logger.info(message);

const NOTHING_WRITTEN = 'nothing was written (the transaction was rolled back).';

async function loadCsv(options: { dir: string; dryRun?: boolean; replace?: boolean }) {
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
    replace: options.replace,
    onProgress: (event) =>
      event.kind === 'warning' ? logger.warn(event.message) : log(formatLoadProgress(event)),
    signal: abort.signal,
  });
  registerCleanup(async () => {
    abort.abort();
    await load.catch(() => undefined);
  });
  try {
    log(formatLoadSummary(await load));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw new Error(`Interrupted: ${NOTHING_WRITTEN}`);
    if (error instanceof CsvLoadError)
      throw new Error(`${error.message}\nLoad failed: ${NOTHING_WRITTEN}`);
    throw error;
  }
}

const program = createCliProgram(
  'loader',
  'Loads the base set CSVs of the Securities Platform into PostgreSQL',
);

program
  .command('csv')
  .description(
    'load <dir>/<table>.csv into the 13 core tables in one transaction, replacing their rows',
  )
  .option('--dir <dir>', 'folder with one CSV per core table', DEFAULT_BASE_SET_DIR)
  .option('--dry-run', 'validate and load inside the transaction, then roll back: write nothing')
  .option(
    '--replace',
    'allow replacing rows that differ from the files and emptying the scale tables (refused without it)',
  )
  .action(loadCsv);

void runProgram('loader', program);
