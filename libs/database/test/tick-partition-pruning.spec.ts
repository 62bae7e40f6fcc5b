import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  scannedRelations,
  TestDatabase,
  tickStoreOf,
} from '../src/testing';

const ONE_DAY_QUERY = `
  SELECT tick_time, price, bid, ask, volume
  FROM tick_data
  WHERE security_id = 'SEC-0001'
    AND tick_time >= '2025-03-28 09:30:00'
    AND tick_time <  '2025-03-28 16:00:00'
  ORDER BY tick_time`;

describe('a one-day tick query for one security touches one partition (or chunk; on Citus its one shard)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'migrated' });
    await db.dataSource.query(`
      INSERT INTO tick_data (tick_time, volume, bid_size, ask_size, trade_count, security_id, price, bid, ask, vwap)
      SELECT t, 100, 5, 5, 3, 'SEC-0001', 10.01, 10.00, 10.02, 10.01
      FROM generate_series('2025-02-27 09:30'::timestamp, '2025-03-31 15:59:40', interval '20 seconds') AS t
      WHERE t::time BETWEEN '09:30' AND '15:59:40'`);
    await db.dataSource.query('ANALYZE tick_data');
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it('reads only the partition (or chunk) holding the day, through its index', async () => {
    const store = await tickStoreOf(db.dataSource, 'SEC-0001', '2025-03-28 09:30:00');
    expect(store.relations[0]).toMatch(/^(tick_data_y2025m03(_\d+)?|_hyper_\d+_\d+_chunk)$/);
    expect(await scannedRelations(db.dataSource, ONE_DAY_QUERY)).toEqual(store.relations);
    const [{ 'QUERY PLAN': plan }] = await db.dataSource.query(
      `EXPLAIN (FORMAT JSON) ${ONE_DAY_QUERY}`,
    );
    expect(JSON.stringify(plan)).toContain(store.index);
  });

  it("returns the day's 1,170 twenty-second ticks, 09:30:00 .. 15:59:40", async () => {
    const rows: { tick_time: Date }[] = await db.dataSource.query(ONE_DAY_QUERY);
    expect(rows).toHaveLength(1170);
    expect(rows[0].tick_time.toISOString()).toBe('2025-03-28T09:30:00.000Z');
    expect(rows[1169].tick_time.toISOString()).toBe('2025-03-28T15:59:40.000Z');
  });

  it('rejects a second tick for the same security and time', async () => {
    await expect(
      db.dataSource.query(
        `INSERT INTO tick_data VALUES ('2025-03-28 09:30:00', 1, 1, 1, 1, 'SEC-0001', 10, 9, 11, 10)`,
      ),
    ).rejects.toThrow(/idx_td_sec|duplicate key/);
  });
});
