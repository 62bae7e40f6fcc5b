import { createTestDatabase, TestDatabase } from '../src/testing';
import { migrateUp } from '../src';
import { SEED_INDEXES, SEED_TABLE_COLUMNS } from './seed-schema';

describe('the migrated schema matches the seed (section 7)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
  });
  afterAll(() => db.drop());

  it('has exactly the 17 seed tables (tick partitions aside)', async () => {
    const rows: { relname: string }[] = await db.dataSource.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> 'typeorm_migrations'
      ORDER BY 1`);
    expect(rows.map((r) => r.relname)).toEqual(Object.keys(SEED_TABLE_COLUMNS).sort());
  });

  it.each(Object.entries(SEED_TABLE_COLUMNS))(
    '%s has the seed column names',
    async (table, columns) => {
      const rows: { column_name: string }[] = await db.dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      expect(rows.map((r) => r.column_name).sort()).toEqual([...columns].sort());
    },
  );

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
});

describe('the TypeORM entities describe the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
  });
  afterAll(() => db.drop());

  it('has one entity per seed table', () => {
    const tables = db.dataSource.entityMetadatas.map((entity) => entity.tableName).sort();
    expect(tables).toEqual(Object.keys(SEED_TABLE_COLUMNS).sort());
  });

  it('maps every column of every table, with the same nullability', async () => {
    for (const entity of db.dataSource.entityMetadatas) {
      const rows: { column_name: string; is_nullable: 'YES' | 'NO' }[] = await db.dataSource.query(
        `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [entity.tableName],
      );
      const actual = rows
        .map((r) => `${entity.tableName}.${r.column_name}${r.is_nullable === 'YES' ? '?' : ''}`)
        .sort();
      const declared = entity.columns
        .map((c) => `${entity.tableName}.${c.databaseName}${c.isNullable ? '?' : ''}`)
        .sort();
      expect(declared).toEqual(actual);
    }
  });

  it('reads a row back through an entity, decimals as exact strings and dates as YYYY-MM-DD', async () => {
    await db.dataSource.query(
      `INSERT INTO portfolio VALUES ('PORT-001', 'Global Equity', 'Equity', 'MSCI World', '2015-01-02', 'USD')`,
    );
    const [portfolio] = await db.dataSource.getRepository('Portfolio').find();
    expect(portfolio).toEqual({
      portfolioId: 'PORT-001',
      portfolioName: 'Global Equity',
      portfolioType: 'Equity',
      benchmark: 'MSCI World',
      inceptionDate: '2015-01-02',
      currency: 'USD',
    });
  });
});
