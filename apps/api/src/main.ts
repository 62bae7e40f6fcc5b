import {
  assertReadonlyLogin,
  installSignalHandlers,
  loadConfigFromEnvironment,
  registerCleanup,
  runCleanups,
} from '@securities/database';
import { createLogger, runCli } from '@securities/logging';
import { createApiApp, DOCS_PATH, OPENAPI_PATH } from './app/create-api-app';
import { prepareDatabase } from './startup/prepare-database';

const logger = createLogger({ name: 'api' });
const log = (message: string): void => logger.info(message);

async function main(): Promise<void> {
  installSignalHandlers();
  const config = loadConfigFromEnvironment();
  const database = await prepareDatabase(config, log);
  await assertReadonlyLogin(config, database.readonly);
  const app = await createApiApp({ config, connection: database.readonly });
  // Registered after the database, so on SIGTERM the API drains its requests before the server stops.
  registerCleanup(async () => {
    log('Shutting down: finishing in-flight requests.');
    await app.close();
  });
  await app.listen(config.api.port, config.api.host);
  const base = `http://${config.api.host === '0.0.0.0' ? 'localhost' : config.api.host}:${config.api.port}`;
  log(`Web app:                 ${base}/`);
  log(`Securities Platform API: ${base}/api/health`);
  log(`Swagger UI:              ${base}/${DOCS_PATH}`);
  log(`OpenAPI document:        ${base}/${OPENAPI_PATH}`);
}

// Serving goes on after main returns, until a signal runs the cleanups; a failed start ends here.
void runCli('api', async () => {
  try {
    await main();
  } catch (error) {
    await runCleanups();
    throw error;
  }
});
