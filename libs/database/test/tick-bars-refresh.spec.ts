import { Client } from 'pg';
import { tickBarsRefreshSql } from '../src';
import {
  createTestDatabase,
  describeOnEngine,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '../src/testing';

/** TimescaleDB's DEBUG1 line for each range a refresh materializes (tsl/src/continuous_aggs/refresh.c). */
const MATERIALIZATION =
  /^continuous aggregate refresh \(individual invalidation\) on "tick_bars_1h"/;

/** One tick at 10:00 on each of `days` (one INSERT: one invalidated range over all of them). */
const ticksOn = (days: string[]) => `
  INSERT INTO tick_data (tick_time, volume, bid_size, ask_size, trade_count, security_id, price, bid, ask, vwap)
  SELECT day::timestamp + time '10:00', 100, 1, 1, 1, 'SEC-0001', 10.0000, 9.9900, 10.0100, 10.0000
  FROM unnest(ARRAY[${days.map((day) => `'${day}'`).join(', ')}]) AS day`;

describeOnEngine('timescaledb', 'TimescaleDB: the bars are refreshed in one pass', () => {
  let db: TestDatabase;
  let client: Client;
  let materializations: string[];

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'migrated' });
    client = new Client(db.connection);
    await client.connect();
    client.on('notice', ({ message }) => {
      if (message && MATERIALIZATION.test(message)) materializations.push(message);
    });
    await client.query('SET client_min_messages = debug1');
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const refresh = async (sql: string, from: string, to: string) => {
    materializations = [];
    await client.query(sql, ['tick_bars_1h', from, to]);
    return materializations.length;
  };
  const bars = async (from: string, to: string) =>
    (
      await client.query(
        `SELECT to_char(bucket, 'YYYY-MM-DD HH24:MI') AS bucket, volume::int FROM tick_bars_1h
         WHERE bucket >= $1 AND bucket < $2 ORDER BY bucket`,
        [from, to],
      )
    ).rows;

  it('materializes four trading days of invalidated ticks in one range, every bar right', async () => {
    await client.query(ticksOn(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06']));
    expect(await refresh(await tickBarsRefreshSql(client), '2025-03-01', '2025-04-01')).toBe(1);
    expect(await bars('2025-03-01', '2025-04-01')).toEqual([
      { bucket: '2025-03-03 10:00', volume: 100 },
      { bucket: '2025-03-04 10:00', volume: 100 },
      { bucket: '2025-03-05 10:00', volume: 100 },
      { bucket: '2025-03-06 10:00', volume: 100 },
    ]);
  });

  it("where TimescaleDB's own default would have materialized them batch by batch", async () => {
    await client.query(ticksOn(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13']));
    const batches = await refresh(
      'CALL refresh_continuous_aggregate($1::regclass, $2::timestamp, $3::timestamp)',
      '2025-03-08',
      '2025-04-01',
    );
    expect(batches).toBeGreaterThan(1);
    expect(await bars('2025-03-08', '2025-04-01')).toHaveLength(4);
  });
});
