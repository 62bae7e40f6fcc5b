import { bootstrapDatabase } from '@securities/data-setup';
import {
  installSignalHandlers,
  loadConfigFromEnvironment,
  runCleanups,
} from '@securities/database';
import { createProgressBar } from '@securities/scale-generator';

/**
 * `nx run database:bootstrap`, what `npm start` runs before the API: migrations and, on the first
 * run, the base set and the tiny scale profile. A file of its own so the database CLI (server,
 * migrate) does not compile the generator and the loader at every start.
 */
const log = (message: string): void => void process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  installSignalHandlers();
  try {
    await bootstrapDatabase(config, { log, progress: createProgressBar(log) });
  } finally {
    await runCleanups();
  }
}

main().catch(async (error: Error) => {
  process.stderr.write(`${error.name === 'Error' ? 'Error' : error.name}: ${error.message}\n`);
  await runCleanups();
  process.exit(1);
});
