import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDataSource, loadConfig, migrateUp, readonlyConnection } from '@securities/database';
import {
  DatabaseServerProcess,
  freePort,
  makeServerDir,
  startDatabaseServerProcess,
} from '@securities/database/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApiApp } from '../../src/app/create-api-app';

/** The API (in this process) over a database server in a process of its own, which a test may stop. */
export interface ApiOverOwnServer {
  app: NestFastifyApplication;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** Migrated, with one portfolio (PORT-001), as the production API sees a database. */
export async function startApiOverOwnServer(prefix: string): Promise<ApiOverOwnServer> {
  const dir = makeServerDir(prefix);
  const env = {
    EMBEDDED_POSTGRES_DIR: join(dir, 'pgdata'),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
  };
  const config = loadConfig(env);
  let server: DatabaseServerProcess | undefined = await startDatabaseServerProcess(env);
  const connection = {
    host: '127.0.0.1',
    port: Number(env.EMBEDDED_POSTGRES_PORT),
    user: 'securities_user',
    password: 'securities_pass',
    database: 'securities_platform',
  };
  const owner = createDataSource(config, connection);
  await owner.initialize();
  await migrateUp(owner);
  await owner.query(
    `INSERT INTO portfolio VALUES ('PORT-001', 'Global Equity', 'Equity', 'MSCI World', '2015-01-02', 'USD')`,
  );
  await owner.destroy();
  const app = await createApiApp({ config, connection: readonlyConnection(config, connection) });
  await app.init();
  const stopServer = async () => {
    await server?.stop();
    server = undefined;
  };
  return {
    app,
    stopServer,
    startServer: async () => {
      server = await startDatabaseServerProcess(env);
    },
    close: async () => {
      await app.close();
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
