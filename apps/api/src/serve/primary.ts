import {
  AppConfig,
  assertReadonlyLogin,
  ConnectionSettings,
  ensureDatabaseServer,
  installSignalHandlers,
  loadConfigFromEnvironment,
  readonlyConnection,
  registerCleanup,
  runCleanups,
} from '@securities/database';
import { createLogger } from '@securities/logging';
import cluster, { Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Logger } from 'pino';
import { DOCS_PATH, OPENAPI_PATH } from '../app/create-api-app';
import { workerEnvironment } from './worker-environment';

/** A worker that dies is replaced, unless workers keep dying: then the API stops. */
const MAX_RESTARTS_PER_MINUTE = 5;

/** The API reads what the bootstrap prepared; without it every request would fail. */
async function assertDatabasePrepared(connection: ConnectionSettings): Promise<void> {
  const client = new Client({ ...connection, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1 FROM securities_master LIMIT 1');
  } catch (error) {
    throw new Error(
      `The database is not prepared for the API (${(error as Error).message}). ` +
        'Run `npx nx run database:bootstrap` first (`npm start` does).',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function printAddresses(config: AppConfig, logger: Logger): void {
  const host = config.api.host === '0.0.0.0' ? 'localhost' : config.api.host;
  const base = `http://${host}:${config.api.port}`;
  logger.info(`Web app:                 ${base}/`);
  logger.info(`Securities Platform API: ${base}/api/health`);
  logger.info(`Swagger UI:              ${base}/${DOCS_PATH}`);
  logger.info(`OpenAPI document:        ${base}/${OPENAPI_PATH}`);
  for (const replica of config.replicas)
    logger.info(`Read replica:            ${replica.host}:${replica.port}/${replica.database}`);
}

function stopWorkers(): Promise<void> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

/**
 * The primary process: starts (or reuses) the database server, checks the data is there, forks
 * one API worker per configured core and prints the addresses once every worker listens. It
 * serves no requests itself. SIGINT/SIGTERM: the workers drain, then the database stops; exit 0.
 */
export async function runPrimary(): Promise<void> {
  installSignalHandlers({ stopIsSuccess: true });
  const config = loadConfigFromEnvironment();
  // The primary only speaks at start and stop (database, addresses, shutdown): always shown, so a
  // quiet LOG_LEVEL silences request logs, never the addresses.
  const logger = createLogger({ name: 'api', level: 'info' });
  const log = (message: string) => logger.info(message);
  const server = await ensureDatabaseServer(config.database, { log });
  const connection = readonlyConnection(config, server.connection);
  await assertReadonlyLogin(config, connection);
  await assertDatabasePrepared(connection);

  let stopping = false;
  // Registered after the database server, so it runs first: requests drain before the server stops.
  registerCleanup(async () => {
    stopping = true;
    log('Shutting down: finishing in-flight requests.');
    await stopWorkers();
  });

  const env = workerEnvironment({ connection, instance: randomBytes(4).toString('hex') });
  const restarts: number[] = [];
  let started = false;
  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', () => {
      listening += 1;
      if (listening === config.api.workers) resolve();
    });
    cluster.on('exit', (worker, code, signal) => {
      const how = signal ?? `exit code ${code}`;
      if (stopping) return;
      if (!started) {
        reject(new Error(`An API worker stopped (${how}) before it was listening.`));
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        logger.error(`API workers keep stopping (last: ${how}); the API stops.`);
        void runCleanups().finally(() => process.exit(1));
        return;
      }
      logger.error(`API worker ${worker.process.pid} stopped (${how}); starting another.`);
      cluster.fork(env);
    });
    for (let i = 0; i < config.api.workers; i++) cluster.fork(env);
  });
  started = true;
  log(`${config.api.workers} API worker(s) listening.`);
  printAddresses(config, logger);
}
