import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import Decimal from 'decimal.js';
import { ApiTestContext, startApiWithData } from './api-test-context';

interface Tick {
  tick_time: string;
  price: string;
  volume: number;
  trade_count: number;
}

/**
 * Every close with the close before it (lag over each security's days), a worked-out value apart
 * from the API's lookup. A window partitioned by security_id runs on every engine (on Citus, on
 * each shard).
 */
const DAY_WITH_PREVIOUS_CLOSE_SQL = `
  SELECT security_id, price_date, close_price AS close,
         lag(close_price) OVER (PARTITION BY security_id ORDER BY price_date) AS previous
  FROM pricing_history`;

describe('whole market, snapshot and indicators, against values worked out from the tables', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx?.close());

  const closes = async (security: string) =>
    (
      await ctx.sql<{ price_date: string; close_price: string }>(
        `SELECT price_date, close_price FROM pricing_history WHERE security_id = $1 ORDER BY price_date`,
        [security],
      )
    ).map((row) => ({ date: row.price_date, close: Number(row.close_price) }));

  describe('GET /api/market/daily', () => {
    it("lists every security's bar of the day by id, with the total and the ticks' trade counts", async () => {
      const res = await ctx.api.get('/api/market/daily?date=2025-03-28&limit=500').expect(200);
      const expected = await ctx.sql<Record<string, string>>(
        `SELECT p.security_id, p.close_price, p.volume, p.vwap, t.trade_count
         FROM pricing_history p
         LEFT JOIN (SELECT security_id, sum(trade_count) AS trade_count FROM tick_data
                    WHERE tick_time >= '2025-03-28' AND tick_time < '2025-03-29' GROUP BY security_id) t
           ON t.security_id = p.security_id
         WHERE p.price_date = '2025-03-28' ORDER BY p.security_id`,
      );
      expect(res.headers['x-total-count']).toBe(String(expected.length));
      expect(expected).toHaveLength(130);
      expect(res.body.map((bar: { security_id: string }) => bar.security_id)).toEqual(
        expected.map((row) => row.security_id),
      );
      res.body.forEach((bar: Record<string, number>, i: number) => {
        expect([bar.close, bar.volume, bar.vwap, bar.trade_count]).toEqual(
          [
            expected[i].close_price,
            expected[i].volume,
            expected[i].vwap,
            expected[i].trade_count,
          ].map(Number),
        );
      });
    });

    it("carries each security's sector and its change on the previous close, a split being no change", async () => {
      const day = '2025-02-07';
      const rows = await ctx.sql<{
        security_id: string;
        sector: string;
        close: string;
        previous: string | null;
      }>(
        `SELECT d.security_id, i.sector, d.close, d.previous
         FROM (${DAY_WITH_PREVIOUS_CLOSE_SQL}) d JOIN securities_master s ON s.security_id = d.security_id
         JOIN issuer i ON i.issuer_id = s.issuer_id
         WHERE d.price_date = $1 ORDER BY d.security_id`,
        [day],
      );
      const res = await ctx.api.get(`/api/market/daily?date=${day}&limit=500`).expect(200);
      expect(res.body).toHaveLength(rows.length);
      res.body.forEach(
        (
          bar: { security_id: string; sector: string; change_percent: number | null },
          i: number,
        ) => {
          const row = rows[i];
          expect([bar.security_id, bar.sector]).toEqual([row.security_id, row.sector]);
          if (row.previous === null) return expect(bar.change_percent).toBeNull();
          // Worked out here: the 4-for-1 split of SEC-0003 goes ex that day, nothing else does.
          const previous = Number(row.previous) * (row.security_id === 'SEC-0003' ? 0.25 : 1);
          expect(bar.change_percent).toBeCloseTo(100 * (Number(row.close) / previous - 1), 3);
        },
      );
      expect(
        res.body.some((bar: { change_percent: number | null }) => bar.change_percent !== null),
      ).toBe(true);
    });

    it('pages with limit and offset like the other lists', async () => {
      const res = await ctx.api
        .get('/api/market/daily?date=2025-03-28&limit=10&offset=120')
        .expect(200);
      expect(res.body).toHaveLength(10);
      expect(res.body[0].security_id).toBe('SEC-0121');
    });

    it.each([
      [
        'date=2025-03-01',
        'date (2025-03-01) is not a trading day: the nearest are 2025-02-28 and 2025-03-03',
      ],
      ['date=2025-04-01', 'date (2025-04-01) is after the last day of market data (2025-03-31)'],
      ['date=2025-02-30', 'date must be a real calendar date YYYY-MM-DD'],
      ['', 'date is required: a trading day, YYYY-MM-DD'],
    ])('?%s is a 400: %s', async (query, message) => {
      expect((await ctx.api.get(`/api/market/daily?${query}`).expect(400)).body.message).toBe(
        message,
      );
    });
  });

  describe('GET /api/market/movers', () => {
    it('ranks the day by change on the previous close, adjusted for the 4-for-1 split of SEC-0003', async () => {
      const day = '2025-02-07';
      const rows = await ctx.sql<{ security_id: string; close: string; previous: string }>(
        `SELECT security_id, close, previous FROM (${DAY_WITH_PREVIOUS_CLOSE_SQL}) d
         WHERE price_date = $1`,
        [day],
      );
      // Worked out here: the split divides SEC-0003's previous close by 4; no other action goes ex that day.
      const change = (row: (typeof rows)[number]) =>
        Number(row.close) / (Number(row.previous) * (row.security_id === 'SEC-0003' ? 0.25 : 1)) -
        1;
      const ranked = rows
        .filter((row) => row.previous !== null)
        .sort((a, b) => change(a) - change(b));
      const losersAnswer = await ctx.api
        .get(`/api/market/movers?date=${day}&direction=losers&limit=5`)
        .expect(200);
      const losers = losersAnswer.body;
      expect(losersAnswer.headers['x-total-count']).toBe(String(ranked.length));
      const gainers = (await ctx.api.get(`/api/market/movers?date=${day}&limit=5`).expect(200))
        .body;
      expect(losers.map((mover: { security_id: string }) => mover.security_id)).toEqual(
        ranked.slice(0, 5).map((row) => row.security_id),
      );
      expect(gainers.map((mover: { security_id: string }) => mover.security_id)).toEqual(
        ranked
          .slice(-5)
          .reverse()
          .map((row) => row.security_id),
      );
      losers.forEach((mover: { security_id: string; change_percent: number }) =>
        expect(mover.change_percent).toBeCloseTo(
          100 * change(rows.find((row) => row.security_id === mover.security_id)!),
          3,
        ),
      );
      const all = (
        await ctx.api.get(`/api/market/movers?date=${day}&limit=100&direction=losers`).expect(200)
      ).body;
      const split = all.find((mover: { security_id: string }) => mover.security_id === 'SEC-0003');
      if (split) expect(split.change_percent).toBeGreaterThan(-20);
    });
  });

  describe('GET /api/securities/{id}/snapshot', () => {
    it('gives the last tick at or before the moment, the day so far and the change on the previous close', async () => {
      const res = await ctx.api
        .get('/api/securities/SEC-0001/snapshot?at=2025-03-28T12:00:10')
        .expect(200);
      const ticks = await ctx.sql<Tick>(
        `SELECT to_char(tick_time, 'YYYY-MM-DD"T"HH24:MI:SS') AS tick_time, price, volume, trade_count
         FROM tick_data WHERE security_id = 'SEC-0001' AND tick_time >= '2025-03-28' AND tick_time <= '2025-03-28 12:00:10'
         ORDER BY tick_time`,
      );
      const last = ticks[ticks.length - 1];
      expect(last.tick_time).toBe('2025-03-28T12:00:00');
      const prices = ticks.map((tick) => new Decimal(tick.price));
      const volume = ticks.reduce((sum, tick) => sum + Number(tick.volume), 0);
      const priceVolume = ticks.reduce(
        (sum, tick) => sum.plus(new Decimal(tick.price).times(tick.volume)),
        new Decimal(0),
      );
      const previous = (await closes('SEC-0001')).filter((day) => day.date < '2025-03-28').pop()!;
      expect(res.body).toMatchObject({
        security_id: 'SEC-0001',
        at: '2025-03-28T12:00:10',
        last_tick: { tick_time: '2025-03-28T12:00:00', price: Number(last.price) },
        day: {
          date: '2025-03-28',
          open: prices[0].toNumber(),
          high: Decimal.max(...prices).toNumber(),
          low: Decimal.min(...prices).toNumber(),
          close: Number(last.price),
          volume,
          vwap: priceVolume.div(volume).toDecimalPlaces(6).toNumber(),
          trade_count: ticks.reduce((sum, tick) => sum + Number(tick.trade_count), 0),
        },
        previous_close: previous.close,
        previous_close_date: previous.date,
        adjusted_previous_close: previous.close,
      });
      expect(res.body.change).toBeCloseTo(Number(last.price) - previous.close, 9);
    });

    it('on the ex-date of the split compares with a quarter of the previous close', async () => {
      const res = await ctx.api.get('/api/securities/SEC-0003/snapshot?at=2025-02-07').expect(200);
      expect(res.body.last_tick.tick_time).toBe('2025-02-07T15:59:40');
      expect(res.body.adjusted_previous_close).toBeCloseTo(res.body.previous_close / 4, 9);
      expect(Math.abs(res.body.change_percent)).toBeLessThan(20);
    });

    it('defaults to the last tick in the data', async () => {
      const res = await ctx.api.get('/api/securities/SEC-0001/snapshot').expect(200);
      expect(res.body.last_tick.tick_time).toBe('2025-03-31T15:59:40');
    });

    it.each([
      ['at=2024-12-30', 400, 'at (2024-12-30) is before the first day of market data (2024-12-31)'],
      ['at=2025-03-28T12:00:00%2B02:00', 400, 'at is exchange-local time and takes no time zone'],
      ['at=2025-03-28T12:00:00+02:00', 400, 'at is exchange-local time and takes no time zone'],
    ])('?%s is a %d', async (query, status, message) => {
      expect(
        (await ctx.api.get(`/api/securities/SEC-0001/snapshot?${query}`).expect(status)).body
          .message,
      ).toContain(message);
    });
  });

  describe('GET /api/securities/{id}/indicators/{indicator}', () => {
    const values = async (query: string) =>
      (await ctx.api.get(`/api/securities/SEC-0001/indicators/${query}`).expect(200)).body;

    it('SMA(5) of daily closes is the mean of the last five closes', async () => {
      const days = await closes('SEC-0001');
      const sma = await values('sma?window=5');
      expect(sma).toHaveLength(days.length - 4);
      sma.forEach((point: { bar_time: string; value: number }, i: number) => {
        const window = days.slice(i, i + 5);
        expect(point.bar_time).toBe(window[4].date);
        expect(point.value).toBeCloseTo(window.reduce((sum, day) => sum + day.close, 0) / 5, 7);
      });
    });

    it('EMA(10) starts from the SMA of the first ten closes, then alpha = 2/11', async () => {
      const days = await closes('SEC-0001');
      const ema = await values('ema?window=10');
      let expected = days.slice(0, 10).reduce((sum, day) => sum + day.close, 0) / 10;
      expect(ema[0].value).toBeCloseTo(expected, 7);
      for (let i = 1; i < ema.length; i++) {
        expected += (2 / 11) * (days[i + 9].close - expected);
        expect(ema[i].value).toBeCloseTo(expected, 6);
      }
    });

    it("RSI(14) (Wilder) stays within 0..100 and starts at the 15th close; MACD's defaults start at the 34th", async () => {
      const days = await closes('SEC-0001');
      const rsi = await values('rsi');
      expect(rsi[0].bar_time).toBe(days[14].date);
      expect(rsi.every((point: { value: number }) => point.value >= 0 && point.value <= 100)).toBe(
        true,
      );
      const macd = await values('macd');
      expect(macd[0].bar_time).toBe(days[33].date);
      macd.forEach((point: Record<string, number>) =>
        expect(point.histogram).toBeCloseTo(point.macd - point.signal, 7),
      );
    });

    it.each([
      ['sma?fast=3', 'fast does not apply to sma: it takes window'],
      ['macd?window=3', 'window does not apply to macd: it takes fast, slow and signal'],
      ['macd?fast=30&slow=10', 'fast (30) must be shorter than slow (10)'],
      ['wma', 'indicator must be one of sma, ema, rsi, macd'],
      ['sma?window=0', 'window must not be less than 1'],
      ['sma?interval=2h', 'interval must be one of 1m, 5m, 15m, 30m, 1h, 1d, 1w, 1mo'],
    ])('%s is a 400: %s', async (query, message) => {
      expect(
        (await ctx.api.get(`/api/securities/SEC-0001/indicators/${query}`).expect(400)).body
          .message,
      ).toBe(message);
    });
  });

  it.each([
    '/api/securities/SEC-9999/bars',
    '/api/securities/SEC-9999/snapshot',
    '/api/securities/SEC-9999/indicators/sma',
    '/api/securities/SEC-9999/corporate-actions',
  ])('%s is a 404', async (url) => {
    expect((await ctx.api.get(url).expect(404)).body.message).toBe('Security SEC-9999 not found');
  });

  it.each([
    ['bars?interval=2h', 'interval must be one of 1m, 5m, 15m, 30m, 1h, 1d, 1w, 1mo'],
    ['bars?adjustment=yes', 'adjustment must be one of raw, split, dividend, all'],
    ['bars?from=2025-03-07&to=2025-03-03', 'from (2025-03-07) must not be after to (2025-03-03)'],
    ['bars?to=2024-01-01', 'to (2024-01-01) is before the first day of market data (2024-12-31)'],
    ['bars?limit=0', 'limit must not be less than 1'],
    ['bars?cursor=%7B%7D', 'cursor is malformed: pass the cursor of a Link header as it is'],
    [
      'bars?adjusted=true',
      'unknown query parameter adjusted; /api/securities/{security_id}/bars accepts from, to, interval, adjustment, limit, cursor, sort',
    ],
  ])('/api/securities/SEC-0001/%s is a 400: %s', async (path, message) => {
    expect((await ctx.api.get(`/api/securities/SEC-0001/${path}`).expect(400)).body.message).toBe(
      message,
    );
  });
});
