import { Client } from 'pg';
import { migrateDown, migrateUp, readonlyConnection } from '../src';
import { createTestDatabase, describeOnEngine, TestDatabase } from '../src/testing';

/** Hand-made ticks of SEC-0001 on 2025-03-03, and the hourly bars worked out by hand. */
const TICKS = `
  INSERT INTO tick_data (tick_time, volume, bid_size, ask_size, trade_count, security_id, price, bid, ask, vwap) VALUES
    ('2025-03-03 09:30:00', 300, 1, 1, 3, 'SEC-0001', 10.0000,  9.9900, 10.0100, 10.0000),
    ('2025-03-03 09:30:20', 100, 1, 1, 1, 'SEC-0001', 10.2000, 10.1900, 10.2100, 10.0500),
    ('2025-03-03 09:59:40', 200, 1, 1, 2, 'SEC-0001',  9.9000,  9.8900,  9.9100, 10.0000),
    ('2025-03-03 10:00:00',   0, 1, 1, 0, 'SEC-0001',  9.9500,  9.9400,  9.9600, 10.0000),
    ('2025-03-03 10:30:00',   0, 1, 1, 0, 'SEC-0001',  9.9700,  9.9600,  9.9800, 10.0000),
    ('2025-03-03 15:59:40',   7, 1, 1, 1, 'SEC-0001', 10.0001, 10.0000, 10.0002, 10.0001),
    ('2025-03-03 15:59:20',   3, 1, 1, 1, 'SEC-0001', 10.0002, 10.0001, 10.0003, 10.0001)`;

/**
 * 09:00: open 10.0000 (09:30:00), close 9.9000 (09:59:40), high 10.2, low 9.9, volume 600,
 *        trades 6, sum(price x volume) = 3000 + 1020 + 1980 = 6000, vwap 10.000000.
 * 10:00: nothing traded: vwap = the close, 9.9700.
 * 15:00: 10.0002 x 3 + 10.0001 x 7 = 100.0013 over 10 = 10.00013 -> 10.000130; open 10.0002.
 */
const EXPECTED_BARS = [
  {
    bucket: '2025-03-03 09:00:00',
    open: '10.0000',
    high: '10.2000',
    low: '9.9000',
    close: '9.9000',
    volume: '600',
    trade_count: '6',
    price_volume: '6000.0000',
    vwap: '10.000000',
  },
  {
    bucket: '2025-03-03 10:00:00',
    open: '9.9500',
    high: '9.9700',
    low: '9.9500',
    close: '9.9700',
    volume: '0',
    trade_count: '0',
    price_volume: '0.0000',
    vwap: '9.970000',
  },
  {
    bucket: '2025-03-03 15:00:00',
    open: '10.0002',
    high: '10.0002',
    low: '10.0001',
    close: '10.0001',
    volume: '10',
    trade_count: '2',
    price_volume: '100.0013',
    vwap: '10.000130',
  },
];

const BARS_SQL = `
  SELECT to_char(bucket, 'YYYY-MM-DD HH24:MI:SS') AS bucket, open::text, high::text, low::text,
         close::text, volume::text, trade_count::text, price_volume::text, vwap::text
  FROM tick_bars_1h WHERE security_id = 'SEC-0001' ORDER BY bucket`;

const USER_OBJECTS_SQL = `
  SELECT n.nspname || '.' || c.relname AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
  UNION ALL SELECT 'database setting ' || unnest(setconfig) FROM pg_db_role_setting
    WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL SELECT 'schema ' || nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public')
      AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`;

describeOnEngine(
  'timescaledb',
  'TimescaleDB: the migrations own the hypertable, its compression, its policies and its bars',
  () => {
    let db: TestDatabase;
    const one = async (sql: string) => (await db.dataSource.query(sql))[0];

    beforeAll(async () => {
      db = await createTestDatabase();
      await migrateUp(db.dataSource);
    });
    afterAll(() => db.drop());

    it('makes tick_data a hypertable of 30-day chunks on tick_time, without a default time index', async () => {
      expect(
        await db.dataSource.query(
          `SELECT column_name, time_interval::text AS chunk FROM timescaledb_information.dimensions WHERE hypertable_name = 'tick_data'`,
        ),
      ).toEqual([{ column_name: 'tick_time', chunk: '30 days' }]);
      expect(
        await db.dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'tick_data'`),
      ).toEqual([{ indexname: 'idx_td_sec' }]);
    });

    it('compresses segment by security_id, ordered by tick_time, a security-chunk per batch', async () => {
      expect(
        await one(`SELECT setconfig FROM pg_db_role_setting
                   WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())`),
      ).toEqual({ setconfig: ['timescaledb.compression_batch_size_limit=32767'] });
      expect(
        await db.dataSource.query(
          `SELECT segmentby, orderby FROM timescaledb_information.hypertable_columnstore_settings WHERE hypertable = 'tick_data'::regclass`,
        ),
      ).toEqual([{ segmentby: 'security_id', orderby: 'tick_time' }]);
    });

    it('compresses each chunk a week after it ends, looking every 12 hours, first a schedule from now', async () => {
      expect(
        await one(`SELECT proc_name, config->>'compress_after' AS after, schedule_interval::text AS every,
                        scheduled, next_start > now() + interval '11 hours' AS later
                 FROM timescaledb_information.jobs WHERE hypertable_name = 'tick_data'`),
      ).toEqual({
        proc_name: 'policy_compression',
        after: '7 days',
        every: '12:00:00',
        scheduled: true,
        later: true,
      });
    });

    it('keeps hourly bars as a real-time continuous aggregate, refreshed hourly from the first tick on', async () => {
      expect(
        await db.dataSource.query(
          `SELECT view_name, materialized_only FROM timescaledb_information.continuous_aggregates WHERE hypertable_name = 'tick_data'`,
        ),
      ).toEqual([{ view_name: 'tick_bars_1h', materialized_only: false }]);
      expect(
        await one(`SELECT proc_name, config->>'start_offset' AS start_offset, config->>'end_offset' AS end_offset,
                        schedule_interval::text AS every, next_start > now() + interval '50 minutes' AS later
                 FROM timescaledb_information.jobs WHERE hypertable_name = 'tick_bars_1h'`),
      ).toEqual({
        proc_name: 'policy_refresh_continuous_aggregate',
        start_offset: null,
        end_offset: '01:00:00',
        every: '01:00:00',
        later: true,
      });
    });

    it('aggregates ticks into hourly bars exactly as the daily bar is built, before and after a refresh', async () => {
      await db.dataSource.query(TICKS);
      // Not refreshed yet: the real-time part aggregates the ticks at query time.
      expect(await db.dataSource.query(BARS_SQL)).toEqual(EXPECTED_BARS);
      await db.dataSource.query(
        `CALL refresh_continuous_aggregate('tick_bars_1h', '2025-03-01', '2025-04-01')`,
      );
      expect(await db.dataSource.query(BARS_SQL)).toEqual(EXPECTED_BARS);
      expect(
        await one(
          `SELECT count(*)::int AS materialized FROM _timescaledb_internal.${
            (
              await one(
                `SELECT materialization_hypertable_name AS name FROM timescaledb_information.continuous_aggregates WHERE view_name = 'tick_bars_1h'`,
              )
            ).name
          }`,
        ),
      ).toEqual({ materialized: 3 });
    });

    it('lets the read-only role read the bars', async () => {
      const reader = new Client(readonlyConnection(db.config, db.connection));
      await reader.connect();
      try {
        const { rows } = await reader.query('SELECT count(*)::int AS n FROM tick_bars_1h');
        expect(rows).toEqual([{ n: 3 }]);
      } finally {
        await reader.end();
      }
    });

    it('runs its policies: the refresh materializes new ticks, compression packs finished chunks', async () => {
      await db.dataSource.query(
        `INSERT INTO tick_data VALUES ('2025-03-04 09:30:00', 5, 1, 1, 1, 'SEC-0002', 20, 19, 21, 20)`,
      );
      const job = async (hypertable: string) =>
        (
          await one(
            `SELECT job_id FROM timescaledb_information.jobs WHERE hypertable_name = '${hypertable}'`,
          )
        ).job_id;
      await db.dataSource.query(`CALL run_job(${await job('tick_bars_1h')})`);
      expect(
        await one(`SELECT count(*)::int AS bars FROM tick_bars_1h WHERE security_id = 'SEC-0002'`),
      ).toEqual({ bars: 1 });
      await db.dataSource.query(`CALL run_job(${await job('tick_data')})`);
      expect(
        await one(`SELECT count(*)::int AS chunks, count(*) FILTER (WHERE is_compressed)::int AS compressed
                 FROM timescaledb_information.chunks WHERE hypertable_name = 'tick_data'`),
      ).toEqual({ chunks: 1, compressed: 1 });
      expect(await db.dataSource.query(BARS_SQL)).toEqual(EXPECTED_BARS);
    });

    it('reverts compression with compressed chunks: decompresses them, every tick kept', async () => {
      expect(await migrateDown(db.dataSource, 4)).toEqual([
        { name: 'DistributeOnCitus1732500001000' },
        { name: 'IndexTransactionsByPortfolioDate1732500000900' },
        { name: 'CreateTickBars1732500000610' },
        { name: 'CompressTickData1732500000600' },
      ]);
      expect(
        await one(`SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
                        (SELECT count(*) FROM timescaledb_information.jobs WHERE hypertable_name IS NOT NULL)::int AS policies,
                        (SELECT compression_enabled FROM timescaledb_information.hypertables WHERE hypertable_name = 'tick_data') AS compression,
                        (SELECT count(*) FROM timescaledb_information.continuous_aggregates)::int AS aggregates`),
      ).toEqual({ ticks: 8, policies: 0, compression: false, aggregates: 0 });
    });

    it('reverts everything to an empty database: no table, schema, job or extension left', async () => {
      await migrateDown(db.dataSource, Infinity, { dropData: true });
      expect(await db.dataSource.query(USER_OBJECTS_SQL)).toEqual([]);
    });

    it('leaves a timescaledb extension it did not install (as the TimescaleDB image installs it)', async () => {
      const own = await createTestDatabase();
      try {
        await own.dataSource.query('CREATE EXTENSION timescaledb');
        const before = await own.dataSource.query(USER_OBJECTS_SQL);
        await migrateUp(own.dataSource);
        await migrateDown(own.dataSource, Infinity);
        expect(await own.dataSource.query(USER_OBJECTS_SQL)).toEqual(before);
        expect(before).toContainEqual({ object: 'extension timescaledb' });
      } finally {
        await own.drop();
      }
    });
  },
);
