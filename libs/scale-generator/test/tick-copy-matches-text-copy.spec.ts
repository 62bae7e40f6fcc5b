import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { QueryRunner } from 'typeorm';
import { TICKS_PER_DAY } from '../src';
import { DayTicks, simulateDayTicks } from '../src/lib/ticks/day-ticks';
import { FastRandom } from '../src/lib/ticks/fast-random';
import {
  CopyBufferPool,
  postgresDayMicros,
  TickCopyEncoder,
} from '../src/lib/ticks/tick-copy-encoder';

/**
 * The generator's binary COPY of tick rows against PostgreSQL's own parsing of the same values
 * written as text: both loads must give the same rows, numeric scale included (compared as the
 * rows' text), for prices from 0.0001 to numeric(12,4)'s largest, every digit count and weight of
 * the base-10000 encoding, and a simulated day. The text is built here from the integers by
 * string slicing, not by the encoder's arithmetic.
 */
describe('binary COPY of ticks loads the same rows as text COPY of the same values', () => {
  let db: TestDatabase;
  let runner: QueryRunner;
  let client: PoolClient;

  const COLUMNS = `tick_time timestamp, volume integer, bid_size integer, ask_size integer,
    trade_count integer, security_id varchar(16), price numeric(12,4), bid numeric(12,4),
    ask numeric(12,4), vwap numeric(12,4)`;

  beforeAll(async () => {
    db = await createTestDatabase();
    runner = db.dataSource.createQueryRunner();
    client = (await runner.connect()) as PoolClient;
    await client.query(
      `CREATE TABLE ticks_binary (${COLUMNS}); CREATE TABLE ticks_text (${COLUMNS})`,
    );
  });
  afterAll(async () => {
    await runner?.release();
    await db?.drop();
  });

  /** 1e-4 units as decimal text: the digits with a point before the last four. */
  const unitsText = (units: number) => {
    const digits = String(units).padStart(5, '0');
    return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
  };

  /** The session's i-th tick time of a date, 09:30:00 + 20 s a tick, as text. */
  const tickTime = (date: string, i: number) =>
    new Date(Date.parse(`${date}T09:30:00Z`) + i * 20_000).toISOString().replace('Z', '');

  async function loadBoth(date: string, securityId: string, ticks: DayTicks): Promise<void> {
    const pool = new CopyBufferPool(1024 * 1024);
    const encoder = new TickCopyEncoder(pool);
    encoder.writeDay(postgresDayMicros(date), Buffer.from(securityId), ticks);
    const chunk = encoder.take();
    await pipeline(
      Readable.from([TickCopyEncoder.header(), chunk, TickCopyEncoder.trailer()]),
      client.query(copyFrom('COPY ticks_binary FROM STDIN (FORMAT binary)')),
    );
    // A reused buffer must encode the next day as a fresh one would (checked by the next load).
    pool.release([chunk]);
    const lines = Array.from({ length: TICKS_PER_DAY }, (_, i) =>
      [
        tickTime(date, i),
        ticks.volume[i],
        ticks.bidSize[i],
        ticks.askSize[i],
        ticks.tradeCount[i],
        securityId,
        unitsText(ticks.price[i]),
        unitsText(ticks.bid[i]),
        unitsText(ticks.ask[i]),
        unitsText(ticks.vwap[i]),
      ].join('\t'),
    );
    await pipeline(
      Readable.from([`${lines.join('\n')}\n`]),
      client.query(copyFrom('COPY ticks_text FROM STDIN')),
    );
  }

  async function differences(): Promise<string[]> {
    const rows: { row: string }[] = await client
      .query(
        `(SELECT 'binary only: ' || b::text AS row FROM ticks_binary b
          EXCEPT SELECT 'binary only: ' || t::text FROM ticks_text t)
         UNION ALL
         (SELECT 'text only: ' || t::text FROM ticks_text t
          EXCEPT SELECT 'text only: ' || b::text FROM ticks_binary b)`,
      )
      .then((result) => result.rows);
    return rows.map(({ row }) => row).sort();
  }

  it('for prices of every digit count and weight, and sizes up to int4', async () => {
    const edges = [
      1, 9, 10, 9_999, 10_000, 10_001, 12_345, 99_990_000, 100_000_000, 100_000_001, 123_456_789,
      200_000_500, 200_010_000, 999_999_999_999, 999_900_000_000, 999_999_990_000,
    ];
    const ticks = new DayTicks();
    for (let i = 0; i < TICKS_PER_DAY; i++) {
      // Beyond the edges: integers of 1 to 12 digits, scattered (Knuth's multiplicative hash).
      const scattered = ((i * 2_654_435_761) % 2 ** 32) / 2 ** 32;
      const units = edges[i] ?? 1 + Math.floor(scattered * 10 ** (1 + (i % 12)));
      ticks.price[i] = units;
      ticks.bid[i] = edges[(i + 1) % edges.length];
      ticks.ask[i] = Math.min(999_999_999_999, units * 3 + (i % 7));
      ticks.vwap[i] = Math.max(1, Math.floor(units / 7));
      ticks.volume[i] = i === 0 ? 0 : i === 1 ? 2_147_483_647 : Math.floor(scattered * 1e9);
      ticks.bidSize[i] = 1 + (i % 20) * 100;
      ticks.askSize[i] = 2_147_483_647 - i;
      ticks.tradeCount[i] = i % 11;
    }
    await loadBoth('2024-02-29', 'SEC-0001', ticks);
    expect(await differences()).toEqual([]);
  });

  it('for a simulated day', async () => {
    const ticks = new DayTicks();
    simulateDayTicks(
      {
        open: 305_700,
        close: 311_250,
        volume: 4_250_000,
        sigma: 0.02,
        jump: 0.01,
        halfSpread: 0.0004,
        lot: 100,
      },
      new FastRandom([11, 22, 33, 44]),
      ticks,
    );
    await loadBoth('2025-03-31', 'BOND-US-0042', ticks);
    const [{ rows }] = (await client.query('SELECT count(*)::int AS rows FROM ticks_binary')).rows;
    expect(rows).toBe(2 * TICKS_PER_DAY);
    expect(await differences()).toEqual([]);
  });
});
