import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  ConnectionSettings,
  loadConfig,
  readonlyConnection,
  ReplicaStatus,
} from '@securities/database';
import {
  createHotStandby,
  DatabaseServerProcess,
  describeOnEngine,
  ensureDatasetTemplate,
  freePort,
  HotStandby,
  makeServerDir,
  startDatabaseServerProcess,
  TEST_DATASET_TIMEOUT_MS,
} from '@securities/database/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from '../src/app/create-api-app';

/** The API's reads, one per kind of query: lists, one row, joins, the attribution, a COPY stream. */
const READS = [
  '/api/securities?limit=50',
  '/api/securities/SEC-0001',
  '/api/portfolios',
  '/api/holdings?portfolio_id=PORT-001&period=2',
  '/api/variance/portfolio/PORT-001',
  '/api/variance/top-movers?limit=10',
  '/api/fx-rates',
  '/api/securities/SEC-0001/ticks?format=csv',
];
const DATABASE = 'sp_replica_test';
/** Concurrent clients of the load while the standby stops and starts again. */
const CLIENTS = 6;
const ANSWERS_EACH_SIDE = 5 * CLIENTS;

async function sql<T = Record<string, unknown>>(
  connection: ConnectionSettings,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client(connection);
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(done: () => Promise<boolean>, what: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** The SQL the API's backends on a server ran last, by application_name. */
function apiQueriesOn(connection: ConnectionSettings) {
  return sql<{ application_name: string; query: string }>(
    connection,
    `SELECT application_name, query FROM pg_stat_activity
     WHERE datname = $1 AND application_name LIKE 'securities-api%'`,
    [DATABASE],
  );
}

// One engine is enough: streaming replication is PostgreSQL's own, the same whatever stores the
// ticks, and the routing is the API's. The default engine's embedded server is ours to copy; the
// TimescaleDB pass runs on the shared cluster, which a test must not base-backup or reconfigure.
describeOnEngine('postgresql', 'the API reading from a hot standby (DATABASE_REPLICA_URLS)', () => {
  let dir: string;
  let primaryServer: DatabaseServerProcess | undefined;
  let standby: HotStandby | undefined;
  let owner: ConnectionSettings;
  let config: AppConfig;
  let viaStandby: NestFastifyApplication;

  const health = async (): Promise<ReplicaStatus> => {
    const res = await request(viaStandby.getHttpServer()).get('/api/health');
    expect(res.status).toBe(200);
    return res.body.replicas[0];
  };

  beforeAll(async () => {
    dir = makeServerDir('securities-replica-');
    const port = await freePort();
    primaryServer = await startDatabaseServerProcess({
      EMBEDDED_POSTGRES_DIR: join(dir, 'primary'),
      EMBEDDED_POSTGRES_PORT: String(port),
      LOG_LEVEL: 'silent',
    });
    const superuser = {
      host: '127.0.0.1',
      port,
      user: 'securities_user',
      password: 'securities_pass',
      database: 'postgres',
    };
    // The standby first, from the empty primary: every row below reaches it by streaming.
    standby = await createHotStandby({
      primary: superuser,
      dataDir: join(dir, 'standby'),
      port: await freePort(),
    });
    const adminUrl = `postgresql://${superuser.user}:${superuser.password}@127.0.0.1:${port}/postgres`;
    const template = await ensureDatasetTemplate(adminUrl, 'base');
    await sql(superuser, `CREATE DATABASE ${DATABASE} TEMPLATE ${template.name}`);
    owner = { ...superuser, database: DATABASE };
    // The base set has no market data: one day of SEC-0001 with three ticks, for the COPY stream.
    await sql(
      owner,
      `INSERT INTO pricing_history VALUES ('SEC-0001', '2025-03-28', 100, 100.2, 99.9, 100.1, 300, 100.05);
       INSERT INTO tick_data (security_id, tick_time, price, bid, ask, vwap, volume, bid_size, ask_size, trade_count)
       SELECT 'SEC-0001', '2025-03-28 13:30'::timestamp + n * interval '20 seconds',
              100 + n * 0.05, 99.99 + n * 0.05, 100.01 + n * 0.05, 100 + n * 0.05, 100, 10, 10, 2
       FROM generate_series(0, 2) AS n`,
    );
    await standby.catchUp();

    config = loadConfig({
      DATABASE_URL: `postgresql://${owner.user}:${owner.password}@127.0.0.1:${port}/${DATABASE}`,
      DATABASE_REPLICA_URLS: `postgresql://127.0.0.1:${standby.connection.port}/${DATABASE}`,
      POSTGRES_READONLY_USER: template.readerRole,
      POSTGRES_READONLY_PASSWORD: template.readerPassword,
      // Every request a read: a cached answer would never meet the standby.
      API_RESPONSE_CACHE_MB: '0',
      LOG_LEVEL: 'silent',
    });
    viaStandby = await createApiApp({ config, connection: readonlyConnection(config, owner) });
  }, TEST_DATASET_TIMEOUT_MS);

  afterAll(async () => {
    await viaStandby?.close();
    await standby?.remove();
    await primaryServer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the standby in /api/health: streaming, in rotation, its lag and data version', async () => {
    const [{ version }] = await sql<{ version: string }>(
      owner,
      'SELECT data_version()::text AS version',
    );
    expect(await health()).toEqual({
      replica: `127.0.0.1:${standby?.connection.port}/${DATABASE}`,
      state: 'streaming',
      in_rotation: true,
      lag_seconds: expect.any(Number),
      data_version: version,
    });
  });

  it('sends the reads, the COPY stream too, to the standby and none to the primary', async () => {
    for (const path of READS) {
      const res = await request(viaStandby.getHttpServer()).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const onStandby = await apiQueriesOn(standby!.connection);
    expect(
      onStandby.some(
        (b) => b.application_name === 'securities-api' && /securities_master/.test(b.query),
      ),
    ).toBe(true);
    expect(onStandby.some((b) => b.application_name === 'securities-api-streams')).toBe(true);
    const onPrimary = await apiQueriesOn(owner);
    expect(
      onPrimary.filter((b) => /securities_master|holdings|variance|fx_rates/.test(b.query)),
    ).toEqual([]);
    expect(onPrimary.filter((b) => b.application_name === 'securities-api-streams')).toEqual([]);
  });

  it('answers exactly what the API reading the primary answers', async () => {
    const primaryOnly = await createApiApp({
      config: { ...config, replicas: [] },
      connection: readonlyConnection(config, owner),
    });
    try {
      for (const path of READS) {
        const [replicaAnswer, primaryAnswer] = await Promise.all(
          [viaStandby, primaryOnly].map((app) => request(app.getHttpServer()).get(path)),
        );
        expect({ path, body: replicaAnswer.text }).toEqual({ path, body: primaryAnswer.text });
      }
    } finally {
      await primaryOnly.close();
    }
  });

  it('reads a change the standby has not replayed from the primary, under its new ETag', async () => {
    const api = () => request(viaStandby.getHttpServer()).get('/api/portfolios');
    const before = await api();
    await sql(standby!.connection, 'SELECT pg_wal_replay_pause()');
    try {
      await sql(
        owner,
        `WITH renamed AS (
           UPDATE portfolio SET portfolio_name = 'Renamed while the standby paused'
           WHERE portfolio_id = 'PORT-001' RETURNING 1)
         SELECT bump_data_version() FROM renamed`,
      );
      await until(async () => (await api()).headers.etag !== before.headers.etag, 'a new ETag');
      const after = await api();
      expect(
        after.body.find((p: { portfolio_id: string }) => p.portfolio_id === 'PORT-001'),
      ).toMatchObject({ portfolio_name: 'Renamed while the standby paused' });
      expect(await health()).toMatchObject({ state: 'behind', in_rotation: false });
    } finally {
      await sql(standby!.connection, 'SELECT pg_wal_replay_resume()');
    }
    await until(async () => (await health()).in_rotation, 'the standby back in rotation');
    expect(await health()).toMatchObject({ state: 'streaming' });
  });

  it('answers every request with 200 while the standby stops and starts again, and reads from it again', async () => {
    const statuses: { sentAt: number; status: number; path: string }[] = [];
    let loading = true;
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; loading; i++) {
        const path = READS[i % READS.length];
        const sentAt = Date.now();
        const res = await request(viaStandby.getHttpServer()).get(path);
        statuses.push({ sentAt, status: res.status, path });
      }
    });
    const answered = (after: number) => statuses.filter((s) => s.sentAt >= after).length;
    try {
      await until(async () => statuses.length >= ANSWERS_EACH_SIDE, 'answers before the stop');
      await standby!.stop();
      await until(async () => (await health()).state === 'down', 'the standby out of rotation');
      const down = Date.now();
      await until(async () => answered(down) >= ANSWERS_EACH_SIDE, 'answers while it is down');
      await standby!.start();
      await until(async () => (await health()).in_rotation, 'the standby back in rotation');
      const back = Date.now();
      await until(async () => answered(back) >= ANSWERS_EACH_SIDE, 'answers after its return');
    } finally {
      loading = false;
      await Promise.all(clients);
    }
    expect(statuses.filter((s) => s.status !== 200)).toEqual([]);
    const onStandby = await apiQueriesOn(standby!.connection);
    expect(
      onStandby.some(
        (b) =>
          b.application_name === 'securities-api' &&
          /securities_master|portfolio|fx_rates/.test(b.query),
      ),
    ).toBe(true);
  }, 300_000);
});
