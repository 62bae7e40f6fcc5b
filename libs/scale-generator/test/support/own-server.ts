import { ConnectionSettings, createDataSource, loadConfig } from '@securities/database';
import { freePort, makeServerDir, startDatabaseServerProcess } from '@securities/database/testing';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/**
 * An embedded PostgreSQL of a test's own (never the run's shared test server), so the test may kill,
 * fill or restart it. `env` makes a CLI start (or borrow) it, as `npm start` would.
 */
export interface OwnServer {
  dir: string;
  dataDir: string;
  env: Record<string, string | undefined>;
  /** Owner connection settings of the server's database. */
  connection: ConnectionSettings;
  /** Starts the server in its own process, runs `work`, stops it again. */
  whileServing<T>(work: () => Promise<T>): Promise<T>;
  /** The same, with an owner DataSource on the server's database. */
  whileRunning<T>(work: (db: DataSource) => Promise<T>): Promise<T>;
  /** An owner DataSource on the server's database (not yet initialised), e.g. to watch a CLI work. */
  dataSource(): DataSource;
}

export async function ownServer(prefix: string): Promise<OwnServer> {
  const dir = makeServerDir(prefix);
  const dataDir = join(dir, 'pgdata');
  const env = {
    DATABASE_URL: undefined,
    POSTGRES_HOST: undefined,
    EMBEDDED_POSTGRES_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    POSTGRES_READONLY_USER: undefined,
    POSTGRES_READONLY_PASSWORD: undefined,
    LOG_LEVEL: 'info',
  };
  const config = loadConfig(env);
  if (config.database.kind !== 'embedded') throw new Error('unreachable: no database is set');
  const { port, user, password, database } = config.database;
  const connection = { host: '127.0.0.1', port, user, password, database };
  const whileServing = async <T>(work: () => Promise<T>): Promise<T> => {
    const server = await startDatabaseServerProcess(env);
    try {
      return await work();
    } finally {
      await server.stop();
    }
  };
  const dataSource = () => createDataSource(config, connection);
  return {
    dir,
    dataDir,
    env,
    connection,
    whileServing,
    dataSource,
    async whileRunning(work) {
      return whileServing(async () => {
        const db = dataSource();
        try {
          await db.initialize();
          return await work(db);
        } finally {
          if (db.isInitialized) await db.destroy();
        }
      });
    },
  };
}
