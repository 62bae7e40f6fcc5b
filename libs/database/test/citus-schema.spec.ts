import { Client } from 'pg';
import { migrateDown, readonlyConnection } from '../src';
import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  describeOnEngine,
  TestDatabase,
} from '../src/testing';

const ROWS = `
  INSERT INTO issuer VALUES ('ISS-001', 'Issuer One', 'US', 'Energy', 'Oil', 'LEI00000000000000001');
  INSERT INTO securities_master (security_id, isin, ticker, security_name, security_type, asset_class,
                                 currency, exchange, issuer_id, issue_date, status)
    VALUES ('SEC-0001', 'US0000000001', 'ONE', 'One', 'EQUITY', 'Equity', 'USD', 'NYSE', 'ISS-001', '2020-01-02', 'ACTIVE'),
           ('SEC-0002', 'US0000000002', 'TWO', 'Two', 'EQUITY', 'Equity', 'USD', 'NYSE', 'ISS-001', '2020-01-02', 'ACTIVE');
  INSERT INTO tick_data (tick_time, volume, bid_size, ask_size, trade_count, security_id, price, bid, ask, vwap)
    VALUES ('2025-03-28 09:30:00', 100, 5, 5, 3, 'SEC-0001', 10.01, 10.00, 10.02, 10.01),
           ('2025-03-28 09:30:00', 200, 5, 5, 4, 'SEC-0002', 20.01, 20.00, 20.02, 20.01),
           ('2024-01-02 09:30:00', 300, 5, 5, 5, 'SEC-0002', 20.01, 20.00, 20.02, 20.01);`;

const PLACEMENT_SQL = `
  SELECT table_name::text AS table, citus_table_type AS type, distribution_column AS column,
         shard_count::int AS shards
  FROM citus_tables WHERE table_name::text NOT LIKE 'tick\\_data\\_y%' ORDER BY 1`;

describeOnEngine(
  'citus',
  'Citus: large tables sharded by security, small ones on every node, rows and reads unchanged',
  () => {
    let db: TestDatabase;
    const one = async (sql: string) => (await db.dataSource.query(sql))[0];

    beforeAll(async () => {
      db = await createTestDatabase({}, { dataset: 'migrated' });
      await db.dataSource.query(ROWS);
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(() => db.drop());

    it('shards ticks and bars by security, holdings, trades and attributions by portfolio, and copies the small tables to every node', async () => {
      const reference = (table: string) => ({
        table,
        type: 'reference',
        column: '<none>',
        shards: 1,
      });
      const sharded = (table: string, column: string) => ({
        table,
        type: 'distributed',
        column,
        shards: 8,
      });
      expect(await db.dataSource.query(PLACEMENT_SQL)).toEqual([
        reference('corporate_actions'),
        reference('credit_ratings'),
        reference('fx_rates'),
        sharded('holdings_history', 'portfolio_id'),
        reference('holdings_period_1'),
        reference('holdings_period_2'),
        reference('issuer'),
        reference('portfolio'),
        sharded('pricing_history', 'security_id'),
        reference('pricing_period_1'),
        reference('pricing_period_2'),
        reference('risk_metrics'),
        reference('securities_master'),
        sharded('tick_data', 'security_id'),
        sharded('transactions', 'portfolio_id'),
        sharded('variance_quarterly', 'portfolio_id'),
        reference('variance_summary'),
      ]);
      // Two co-located groups: a security's ticks and bars together, a portfolio's rows together.
      expect(
        await db.dataSource
          .query(`SELECT string_agg(table_name::text, ' ' ORDER BY table_name::text) AS tables
                   FROM citus_tables WHERE citus_table_type = 'distributed' AND table_name::text NOT LIKE 'tick\\_data\\_y%'
                   GROUP BY colocation_id ORDER BY 1`),
      ).toEqual([
        { tables: 'holdings_history transactions variance_quarterly' },
        { tables: 'pricing_history tick_data' },
      ]);
    });

    it("keeps tick_data's monthly partitions, each sharded alike, the shards spread over both workers", async () => {
      expect(
        await one(`SELECT count(*)::int AS partitions FROM citus_tables
                   WHERE table_name::text LIKE 'tick\\_data\\_y%' AND distribution_column = 'security_id'
                     AND shard_count = 8`),
      ).toEqual({ partitions: 63 });
      const perWorker: { shards: number }[] = await db.dataSource.query(
        `SELECT count(*)::int AS shards FROM citus_shards WHERE table_name = 'tick_data_y2025m03'::regclass
         GROUP BY nodeport ORDER BY nodeport`,
      );
      expect(perWorker).toEqual([{ shards: 4 }, { shards: 4 }]);
      // A month the generator adds later is sharded as it is created.
      expect(
        await one(`SELECT ensure_tick_partitions('2025-04-01', '2025-04-30') AS created`),
      ).toEqual({
        created: 1,
      });
      expect(
        await one(
          `SELECT shard_count::int AS shards FROM citus_tables WHERE table_name = 'tick_data_y2025m04'::regclass`,
        ),
      ).toEqual({ shards: 8 });
    });

    it("makes transactions' primary key (txn_id, portfolio_id): a distributed key must hold the shard column", async () => {
      expect(
        await one(
          `SELECT pg_get_constraintdef(oid) AS key FROM pg_constraint WHERE conname = 'transactions_pkey'`,
        ),
      ).toEqual({ key: 'PRIMARY KEY (txn_id, portfolio_id)' });
    });

    it('lets the read-only role read across the workers, and nothing else', async () => {
      const reader = new Client(readonlyConnection(db.config, db.connection));
      await reader.connect();
      try {
        const { rows } = await reader.query(
          `SELECT count(*)::int AS ticks, count(DISTINCT s.ticker)::int AS tickers
           FROM tick_data t JOIN securities_master s USING (security_id)`,
        );
        expect(rows).toEqual([{ ticks: 3, tickers: 2 }]);
        await expect(reader.query('DELETE FROM tick_data')).rejects.toThrow(/read-only/);
      } finally {
        await reader.end();
      }
    });

    it('reverts to plain tables with the rows and the original key', async () => {
      expect(await migrateDown(db.dataSource, 1)).toEqual([
        { name: 'DistributeOnCitus1732500001000' },
      ]);
      expect(await one('SELECT count(*)::int AS tables FROM citus_tables')).toEqual({ tables: 0 });
      expect(await one('SELECT count(*)::int AS ticks FROM tick_data')).toEqual({ ticks: 3 });
      expect(
        await one(
          `SELECT pg_get_constraintdef(oid) AS key FROM pg_constraint WHERE conname = 'transactions_pkey'`,
        ),
      ).toEqual({ key: 'PRIMARY KEY (txn_id)' });
      expect(
        await one(
          `SELECT count(*)::int AS partitions FROM pg_inherits WHERE inhparent = 'tick_data'::regclass`,
        ),
      ).toEqual({
        partitions: 64,
      });
    });
  },
);
