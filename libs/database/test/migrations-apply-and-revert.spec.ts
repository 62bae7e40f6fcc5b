import { createTestDatabase, TestDatabase } from '../src/testing';
import { installedTickStorage, migrateDown, migrateUp, TickStorage } from '../src';

/** What the schema holds that no extension brought (Citus's views live in public). */
const USER_OBJECTS_SQL = `
  WITH extension_relations AS (
    SELECT objid AS oid FROM pg_depend WHERE classid = 'pg_class'::regclass AND deptype = 'e')
  SELECT 'relation ' || c.relname AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.oid NOT IN (SELECT oid FROM extension_relations)
  UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
  UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_type e ON e.oid = t.typelem
    WHERE n.nspname = 'public' AND coalesce(nullif(t.typrelid, 0), e.typrelid) NOT IN (SELECT oid FROM extension_relations)
  UNION ALL SELECT 'default privileges ' || d.defaclrole::regrole::text FROM pg_default_acl d`;

describe('migrations apply to an empty database and revert to empty', () => {
  let db: TestDatabase;
  let storage: TickStorage;
  /** What the database had before any migration (on Citus: its extension, from the set-up). */
  let extensions: { extname: string }[];
  const extensionsSql = 'SELECT extname FROM pg_extension ORDER BY extname';

  beforeAll(async () => {
    db = await createTestDatabase();
    extensions = await db.dataSource.query(extensionsSql);
  });
  afterAll(() => db.drop());

  it('starts from an empty database', async () => {
    expect(await db.dataSource.query(USER_OBJECTS_SQL)).toEqual([]);
  });

  it('applies every migration once, then reports nothing pending', async () => {
    const applied = await migrateUp(db.dataSource);
    expect(applied.map((m) => m.name)).toEqual([
      'CreateCoreTables1732500000000',
      'CreateScaleTables1732500000100',
      'CreateTickData1732500000200',
      'CreateReadonlyRole1732500000300',
      'CreateScaleLedger1732500000400',
      'CreateDataVersion1732500000500',
      'CompressTickData1732500000600',
      'CreateTickBars1732500000610',
      'IndexTransactionsByPortfolioDate1732500000900',
      'DistributeOnCitus1732500001000',
    ]);
    expect(await migrateUp(db.dataSource)).toEqual([]);
    storage = await installedTickStorage(db.dataSource);
  });

  it('creates one monthly tick partition per month of the configured range (2020-01 .. 2025-03), or a hypertable of 1-month chunks', async () => {
    if (storage === 'timescaledb') {
      // TimescaleDB 2.28 turns INTERVAL '1 month' into fixed 30-day chunks.
      expect(
        await db.dataSource.query(
          `SELECT column_name, time_interval::text FROM timescaledb_information.dimensions WHERE hypertable_name = 'tick_data'`,
        ),
      ).toEqual([{ column_name: 'tick_time', time_interval: '30 days' }]);
      // Chunks appear by themselves: the same function exists and has nothing to do.
      expect(
        await db.dataSource.query(
          `SELECT ensure_tick_partitions('2025-03-15', '2025-05-02') AS created`,
        ),
      ).toEqual([{ created: 0 }]);
      return;
    }
    const [{ count }] = await db.dataSource.query(
      `SELECT count(*)::int AS count FROM pg_inherits WHERE inhparent = 'tick_data'::regclass`,
    );
    expect(count).toBe(63);
    // The generator adds months through the same function; existing months are left alone.
    const [{ created }] = await db.dataSource.query(
      `SELECT ensure_tick_partitions('2025-03-15', '2025-05-02') AS created`,
    );
    expect(created).toBe(2);
    // Compression and continuous aggregates are TimescaleDB's: here bars come from the ticks.
    expect(await db.dataSource.query(`SELECT count(*)::int AS views FROM pg_matviews`)).toEqual([
      { views: 0 },
    ]);
  });

  it('reverts one step at a time, newest first', async () => {
    expect(await migrateDown(db.dataSource, 6)).toEqual([
      { name: 'DistributeOnCitus1732500001000' },
      { name: 'IndexTransactionsByPortfolioDate1732500000900' },
      { name: 'CreateTickBars1732500000610' },
      { name: 'CompressTickData1732500000600' },
      { name: 'CreateDataVersion1732500000500' },
      { name: 'CreateScaleLedger1732500000400' },
    ]);
    expect(await migrateUp(db.dataSource)).toEqual([
      { name: 'CreateScaleLedger1732500000400' },
      { name: 'CreateDataVersion1732500000500' },
      { name: 'CompressTickData1732500000600' },
      { name: 'CreateTickBars1732500000610' },
      { name: 'IndexTransactionsByPortfolioDate1732500000900' },
      { name: 'DistributeOnCitus1732500001000' },
    ]);
  });

  it('reverts everything and leaves an empty database (no timescaledb extension either)', async () => {
    const reverted = await migrateDown(db.dataSource, Infinity);
    expect(reverted).toHaveLength(10);
    expect(await db.dataSource.query(USER_OBJECTS_SQL)).toEqual([]);
    const roles = await db.dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      db.config.readonlyRole.user,
    ]);
    expect(roles).toEqual([]);
    expect(await db.dataSource.query(extensionsSql)).toEqual(extensions);
    expect(extensions).not.toContainEqual({ extname: 'timescaledb' });
  });
});
