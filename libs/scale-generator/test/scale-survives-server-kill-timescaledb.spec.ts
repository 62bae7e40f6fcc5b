import {
  createTestDatabase,
  describeOnEngine,
  scaleDatasetArgs,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
  testEngine,
} from '@securities/database/testing';
import { DataSource } from 'typeorm';
import {
  OwnTimescaleCluster,
  ownTimescaleClusterUnavailable,
  startOwnTimescaleCluster,
} from './support/own-timescale-cluster';
import {
  datasetChecksums,
  runScaleToEnd,
  spawnScale,
  tableChecksums,
  waitForScaleOutput,
} from './support/scale-cli';

/**
 * The prepared `three-months` dataset is this run, uninterrupted: the base set, then 120
 * securities over 2021-09-29 .. 2021-11-01. Its first 30-day chunk (2021-09-29 alone) is closed
 * once September is loaded, while October's 21 days load: the kill point.
 */
const RUN = scaleDatasetArgs('three-months');
const DATABASE = 'scale_kill';

const unavailable = ownTimescaleClusterUnavailable();
if (unavailable && testEngine() === 'timescaledb')
  console.warn(`scale-survives-server-kill-timescaledb: skipped, ${unavailable}`);

/** Each tick_data chunk's range and whether it is compressed, in time order. */
async function chunkStates(db: DataSource): Promise<{ range: string; compressed: boolean }[]> {
  return db.query(`
    SELECT to_char(range_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '..' ||
             to_char(range_end AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS range,
           is_compressed AS compressed
    FROM timescaledb_information.chunks
    WHERE hypertable_schema = 'public' AND hypertable_name = 'tick_data'
    ORDER BY range_start`);
}

/** Rows of tick_data in a chunk's range, 'YYYY-MM-DD..YYYY-MM-DD'. */
async function ticksIn(db: DataSource, range: string): Promise<number> {
  const [from, to] = range.split('..');
  const [{ rows }] = await db.query(
    `SELECT count(*)::int AS rows FROM tick_data
     WHERE tick_time >= $1::timestamptz AND tick_time < $2::timestamptz`,
    [`${from} 00:00:00+00`, `${to} 00:00:00+00`],
  );
  return rows;
}

/**
 * The generator's COPY into tick_data once at least one chunk is closed (so compressed history
 * and a COPY writing compressed batches coexist): the kill point.
 */
async function copyAfterClosedChunk(probe: DataSource): Promise<boolean> {
  const [{ copying }] = await probe.query(
    `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                    WHERE datname = current_database() AND state = 'active'
                      AND query LIKE 'COPY tick_data %')
            AND EXISTS (SELECT 1 FROM scale_generator.scale_step WHERE phase = 'tick-close') AS copying`,
  );
  return copying;
}

/** An owner connection to `url` for the length of `work`. */
async function connected<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = new DataSource({ type: 'postgres', url });
  await db.initialize();
  try {
    return await work(db);
  } finally {
    // After a kill its connections are gone: nothing left to close.
    await db.destroy().catch(() => undefined);
  }
}

describeOnEngine(
  'timescaledb',
  'the TimescaleDB server killed with SIGKILL while the load writes compressed batches',
  () => {
    (unavailable ? describe.skip : describe)('on a TimescaleDB cluster of its own', () => {
      let cluster: OwnTimescaleCluster | undefined;
      let uninterrupted: TestDatabase;
      let env: Record<string, string | undefined>;

      beforeAll(async () => {
        cluster = await startOwnTimescaleCluster('securities_kill_ts');
        await connected(cluster.url('postgres'), (admin) =>
          admin.query(`CREATE DATABASE ${DATABASE}`),
        );
        env = {
          DATABASE_URL: cluster.url(DATABASE),
          POSTGRES_HOST: undefined,
          POSTGRES_READONLY_USER: undefined,
          POSTGRES_READONLY_PASSWORD: undefined,
          LOG_LEVEL: 'info',
        };
        uninterrupted = await createTestDatabase({}, { dataset: 'three-months' });
      }, TEST_DATASET_TIMEOUT_MS);
      afterAll(async () => {
        await uninterrupted?.drop();
        await cluster?.drop();
      });

      it('mid-COPY: the transaction is undone whole, every chunk stays compressed, and the ledger claims nothing the database lacks', async () => {
        const server = cluster as OwnTimescaleCluster;
        const cli = spawnScale(RUN, env);
        await waitForScaleOutput(cli, /phase ticks started/, 180_000);
        await connected(server.url(DATABASE), async (probe) => {
          for (;;) {
            if (await copyAfterClosedChunk(probe)) {
              server.killHard();
              return;
            }
            if (cli.child.exitCode !== null)
              throw new Error(`the run ended first:\n${cli.output()}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }).catch((error) => {
          cli.child.kill('SIGKILL');
          throw error;
        });
        const { code } = await cli.exited;
        expect(code).toBe(1);
        expect(cli.output()).toMatch(
          /^generator: .*(terminat|connection|ECONNRESET|ECONNREFUSED)/im,
        );

        await server.restart();
        const state = await connected(server.url(DATABASE), async (db) => {
          const [ledger]: { ticks: number; marked: number; closed: string[] }[] = await db.query(`
            SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
                   (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS marked,
                   (SELECT coalesce(array_agg(step ORDER BY step), '{}') FROM scale_generator.scale_step
                    WHERE phase = 'tick-close') AS closed`);
          const chunks = await chunkStates(db);
          const closedTicks: Record<string, number> = {};
          for (const range of ledger.closed) closedTicks[range] = await ticksIn(db, range);
          return { ...ledger, chunks, closedTicks };
        });
        // The COPY killed mid-way left nothing: what the ledger marks loaded is what is there.
        expect(state.ticks).toBe(state.marked);
        expect(state.ticks).toBeGreaterThan(0);
        // The load writes compressed batches only: no chunk, not even the killed one's, in the heap.
        expect(state.chunks.length).toBeGreaterThan(0);
        expect(state.chunks.filter((chunk) => !chunk.compressed)).toEqual([]);
        // A chunk the ledger calls closed holds every tick an uninterrupted run puts there.
        expect(state.closed.length).toBeGreaterThan(0);
        for (const range of state.closed)
          expect({ range, ticks: state.closedTicks[range] }).toEqual({
            range,
            ticks: await ticksIn(uninterrupted.dataSource, range),
          });
      }, 900_000);

      it('a rerun after the restart finishes with checksums identical to an uninterrupted run, every chunk compressed', async () => {
        const server = cluster as OwnTimescaleCluster;
        const output = await runScaleToEnd(RUN, env);
        expect(output).toMatch(/continuing an interrupted run/);
        const { chunks, checksums } = await connected(server.url(DATABASE), async (db) => ({
          chunks: await chunkStates(db),
          checksums: await tableChecksums(db),
        }));
        expect(chunks.length).toBeGreaterThan(0);
        expect(chunks.filter((chunk) => !chunk.compressed)).toEqual([]);
        expect(chunks).toEqual(await chunkStates(uninterrupted.dataSource));
        expect(Object.keys(checksums)).toContain('tick_bars_1h');
        expect(checksums).toEqual(await datasetChecksums('three-months'));
      }, 900_000);
    });
  },
);
