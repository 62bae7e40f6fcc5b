import { createTestDatabase, TestDatabase } from '../src/testing';
import { migrateUp } from '../src';

/** indexes.sql and the scale indexes, by name and (for the scale ones) columns. */
const SEED_INDEXES: Record<string, { table: string; columns?: string }> = {
  idx_sm_type: { table: 'securities_master' },
  idx_sm_currency: { table: 'securities_master' },
  idx_sm_issuer: { table: 'securities_master' },
  idx_sm_isin: { table: 'securities_master' },
  idx_sm_cusip: { table: 'securities_master' },
  idx_sm_sedol: { table: 'securities_master' },
  idx_hp1_security: { table: 'holdings_period_1' },
  idx_hp1_portfolio: { table: 'holdings_period_1' },
  idx_hp2_security: { table: 'holdings_period_2' },
  idx_hp2_portfolio: { table: 'holdings_period_2' },
  idx_pp1_security: { table: 'pricing_period_1' },
  idx_pp2_security: { table: 'pricing_period_2' },
  idx_txn_security: { table: 'transactions' },
  idx_txn_portfolio: { table: 'transactions' },
  idx_txn_date: { table: 'transactions' },
  idx_cr_issuer: { table: 'credit_ratings' },
  idx_ca_security: { table: 'corporate_actions' },
  idx_rm_security: { table: 'risk_metrics' },
  idx_rm_portfolio: { table: 'risk_metrics' },
  idx_vs_portfolio: { table: 'variance_summary' },
  idx_vs_security: { table: 'variance_summary' },
  idx_ph_sec_date: { table: 'pricing_history', columns: 'security_id, price_date' },
  idx_ph_date: { table: 'pricing_history', columns: 'price_date' },
  idx_ph_sid: { table: 'pricing_history', columns: 'security_id' },
  idx_td_sec: { table: 'tick_data', columns: 'security_id, tick_time DESC' },
  idx_hh_port_date: { table: 'holdings_history', columns: 'portfolio_id, as_of_date' },
  idx_hh_sec: { table: 'holdings_history', columns: 'security_id' },
  idx_vq_port: { table: 'variance_quarterly', columns: 'portfolio_id, quarter_label' },
};

describe('the migrated schema matches the seed (section 7)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
  });
  afterAll(() => db.drop());

  it('has every seed index, by name, on the right table and columns', async () => {
    const rows: { indexname: string; tablename: string; indexdef: string }[] =
      await db.dataSource.query(
        `SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
      );
    const byName = new Map(rows.map((r) => [r.indexname, r]));
    for (const [name, expected] of Object.entries(SEED_INDEXES)) {
      const actual = byName.get(name);
      expect({ name, table: actual?.tablename }).toEqual({ name, table: expected.table });
      if (expected.columns) expect(actual?.indexdef).toContain(`(${expected.columns})`);
    }
  });

  it('keeps one index on tick_data: the unique idx_td_sec, no default time index', async () => {
    const rows: { indexname: string; indexdef: string }[] = await db.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'tick_data'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].indexname).toBe('idx_td_sec');
    expect(rows[0].indexdef).toMatch(/^CREATE UNIQUE INDEX/);
  });

  it('stores money, prices, quantities and rates as exact numerics', async () => {
    const rows: { table_name: string; column_name: string; data_type: string }[] = await db
      .dataSource.query(`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name ~ '(price|_value|mv_|effect|pnl|quantity|rate$|amount|fees|vwap|^bid$|^ask$|cost_basis|weight)'
        AND column_name !~ '_date$'
        AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')
        AND table_name !~ '^tick_data_y'`);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows)
      expect({ ...row, data_type: row.data_type }).toEqual({ ...row, data_type: 'numeric' });
  });

  it('holds the data together with foreign keys', async () => {
    const rows: { child: string; parent: string }[] = await db.dataSource.query(`
      SELECT DISTINCT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
      FROM pg_constraint WHERE contype = 'f' AND NOT conrelid::regclass::text ~ '^tick_data_y'`);
    const edges = rows.map((r) => `${r.child}->${r.parent}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'securities_master->issuer',
        'holdings_period_1->securities_master',
        'holdings_period_1->portfolio',
        'holdings_period_2->securities_master',
        'pricing_period_1->securities_master',
        'transactions->portfolio',
        'credit_ratings->issuer',
        'corporate_actions->securities_master',
        'risk_metrics->portfolio',
        'variance_summary->securities_master',
        'pricing_history->securities_master',
        'holdings_history->portfolio',
        'variance_quarterly->securities_master',
      ]),
    );
  });

  it('reads decimals back as exact strings and dates as the YYYY-MM-DD text PostgreSQL sent', async () => {
    await db.dataSource.query(
      `INSERT INTO fx_rates VALUES (1, 'EUR', 'USD', '2015-01-02', 1.12345678)`,
    );
    const [rate] = await db.dataSource.query('SELECT rate_date, rate FROM fx_rates');
    expect(rate).toEqual({ rate_date: '2015-01-02', rate: '1.12345678' });
  });
});
