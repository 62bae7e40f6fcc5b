import {
  createTestDatabase,
  describeOnEngine,
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
import { runScaleToEnd, spawnScale, tableChecksums, waitForScaleOutput } from './support/scale-cli';

/** The prepared `tiny` dataset is this run, uninterrupted: base set and tiny profile, seed 7. */
const TINY = ['--profile', 'tiny', '--seed', '7'];
const DATABASE = 'scale_kill';
/** Long enough into a chunk's compression that it has written part of the compressed chunk. */
const KILL_AFTER_COMPRESSING_SECONDS = 1;

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

/** The session compressing a tick_data chunk, once it has been at it for `seconds`. */
async function compressionUnderWay(probe: DataSource, seconds: number) {
  const rows = await probe.query(
    `SELECT c.chunk_name AS chunk,
            to_char(c.range_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '..' ||
              to_char(c.range_end AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS range
     FROM pg_stat_activity a
     JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'relation' AND l.granted
     JOIN timescaledb_information.chunks c
       ON l.relation = format('%I.%I', c.chunk_schema, c.chunk_name)::regclass
     WHERE a.state = 'active' AND a.query LIKE '%compress_chunk(%'
       AND a.wait_event_type IS DISTINCT FROM 'Lock'
       AND now() - a.query_start >= make_interval(secs => $1)
       AND c.hypertable_schema = 'public' AND c.hypertable_name = 'tick_data'`,
    [seconds],
  );
  return rows[0] as { chunk: string; range: string } | undefined;
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
  'the TimescaleDB server killed with SIGKILL while compressing',
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
        uninterrupted = await createTestDatabase({}, { dataset: 'tiny' });
      }, TEST_DATASET_TIMEOUT_MS);
      afterAll(async () => {
        await uninterrupted?.drop();
        await cluster?.drop();
      });

      it('mid-chunk: the compression is undone whole, and the ledger claims nothing the database lacks', async () => {
        const server = cluster as OwnTimescaleCluster;
        const cli = spawnScale(TINY, env);
        await waitForScaleOutput(cli, /phase ticks started/, 180_000);
        const killed = await connected(server.url(DATABASE), async (probe) => {
          for (;;) {
            const compressing = await compressionUnderWay(probe, KILL_AFTER_COMPRESSING_SECONDS);
            if (compressing) {
              server.killHard();
              return compressing;
            }
            if (cli.child.exitCode !== null)
              throw new Error(`the run ended first:\n${cli.output()}`);
            await new Promise((resolve) => setTimeout(resolve, 100));
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
        expect(cli.output()).not.toMatch(
          new RegExp(`chunk ${killed.range.replace('..', ' .. ')} compressed`),
        );

        await server.restart();
        const state = await connected(server.url(DATABASE), async (db) => {
          const [ledger]: { ticks: number; marked: number; closed: string[] }[] = await db.query(`
            SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
                   (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS marked,
                   (SELECT coalesce(array_agg(step ORDER BY step), '{}') FROM scale_generator.scale_step
                    WHERE phase = 'tick-close') AS closed`);
          return {
            ...ledger,
            chunks: await chunkStates(db),
            killedChunkTicks: await ticksIn(db, killed.range),
          };
        });
        // The chunk being compressed is back as it was: uncompressed, every row of it there (its
        // months were loaded before it was compressed), not marked closed: the rerun compresses it.
        expect(state.chunks).toContainEqual({ range: killed.range, compressed: false });
        expect(state.killedChunkTicks).toBe(await ticksIn(uninterrupted.dataSource, killed.range));
        expect(state.closed).not.toContain(killed.range);
        expect(state.ticks).toBe(state.marked);
        // Whatever the ledger calls closed is compressed.
        const compressed = state.chunks
          .filter((chunk) => chunk.compressed)
          .map((chunk) => chunk.range);
        expect(compressed).toEqual(expect.arrayContaining(state.closed));
      }, 900_000);

      it('a rerun after the restart finishes with checksums identical to an uninterrupted run, every chunk compressed', async () => {
        const server = cluster as OwnTimescaleCluster;
        const output = await runScaleToEnd(TINY, env);
        expect(output).toMatch(/continuing an interrupted run/);
        const { chunks, checksums } = await connected(server.url(DATABASE), async (db) => ({
          chunks: await chunkStates(db),
          checksums: await tableChecksums(db),
        }));
        expect(chunks.length).toBeGreaterThan(0);
        expect(chunks.filter((chunk) => !chunk.compressed)).toEqual([]);
        expect(chunks).toEqual(await chunkStates(uninterrupted.dataSource));
        expect(Object.keys(checksums)).toContain('tick_bars_1h');
        expect(checksums).toEqual(await tableChecksums(uninterrupted.dataSource));
      }, 900_000);
    });
  },
);
