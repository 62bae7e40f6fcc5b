import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { BarInterval } from '@securities/vocabulary';
import Decimal from 'decimal.js';
import { BARS_PAGE } from '@securities/contracts';
import { resolveTimeRange } from '@securities/market-data';
import { ADJUSTMENTS } from '@securities/vocabulary';
import { barResponse } from '../src/app/bars/bar-response';
import { BarSourcesService } from '../src/app/bars/bar-sources.service';
import { BarsService } from '../src/app/bars/bars.service';
import { MarketDataContextService } from '../src/app/market-data/market-data-context.service';
import { exactJson } from '../src/app/common/json-text';
import { ApiTestContext, startApiWithData } from './api-test-context';
import { allPages, exactBody, sameNumber } from './market-data-test-helpers';

// The oracle: bars computed straight from tick_data with date_trunc arithmetic and window
// functions, independently of the API's date_bin/array_agg queries and of any aggregate.
const BUCKET_SQL: Record<BarInterval, string> = {
  '1m': `date_trunc('minute', tick_time)`,
  '5m': `date_trunc('hour', tick_time) + floor(extract(minute FROM tick_time) / 5) * interval '5 minutes'`,
  '15m': `date_trunc('hour', tick_time) + floor(extract(minute FROM tick_time) / 15) * interval '15 minutes'`,
  '30m': `date_trunc('hour', tick_time) + floor(extract(minute FROM tick_time) / 30) * interval '30 minutes'`,
  '1h': `date_trunc('hour', tick_time)`,
  '1d': `date_trunc('day', tick_time)`,
  '1w': `date_trunc('week', tick_time)`,
  '1mo': `date_trunc('month', tick_time)`,
};

interface OracleBar {
  bucket: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trade_count: string;
  vwap: string;
}

function oracleSql(interval: BarInterval): string {
  return `
    WITH t AS (
      SELECT ${BUCKET_SQL[interval]} AS bucket, tick_time, price, volume, trade_count,
             first_value(price) OVER w AS open, last_value(price) OVER w AS close
      FROM tick_data
      WHERE security_id = $1 AND tick_time >= $2 AND tick_time < $3
      WINDOW w AS (PARTITION BY ${BUCKET_SQL[interval]} ORDER BY tick_time
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
    SELECT to_char(bucket, 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket, min(open) AS open, max(price) AS high,
           min(price) AS low, min(close) AS close, sum(volume) AS volume, sum(trade_count) AS trade_count,
           CASE WHEN sum(volume) = 0 THEN min(close)
                ELSE round(sum(price * volume) / sum(volume), 6) END AS vwap
    FROM t GROUP BY bucket ORDER BY bucket`;
}

/** Tests that page through many bars: room for a shared, busy machine. */
const BULK_TIMEOUT_MS = 300_000;

const barTime = (interval: BarInterval, bucket: string) =>
  ['1d', '1w', '1mo'].includes(interval) ? bucket.slice(0, 10) : bucket;

describe('bars: every bar is the aggregate of its ticks', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx?.close());

  // A base share, the one that splits, a bond that matures, and a grown security.
  const SECURITIES = ['SEC-0001', 'SEC-0003', 'SEC-0067'];
  const CASES: [BarInterval, string, string][] = [
    ['1m', '2025-03-03', '2025-03-04'],
    ['5m', '2025-02-03', '2025-02-08'],
    ['15m', '2025-02-03', '2025-02-08'],
    ['30m', '2025-01-27', '2025-02-08'],
    ['1h', '2025-01-27', '2025-02-08'],
    ['1d', '2024-12-31', '2025-04-01'],
    ['1w', '2024-12-30', '2025-04-01'],
    ['1mo', '2024-12-01', '2025-04-01'],
  ];

  it.each(CASES)(
    '%s bars from %s to %s (paged by 50) equal the oracle',
    async (interval, from, until) => {
      for (const security of SECURITIES) {
        const to = new Date(Date.parse(`${until}T00:00:00Z`) - 86_400_000)
          .toISOString()
          .slice(0, 10);
        const { rows, pages } = await allPages(
          ctx,
          `/api/securities/${security}/bars?interval=${interval}&from=${from}&to=${to}&limit=50`,
        );
        const expected = await ctx.sql<OracleBar>(oracleSql(interval), [security, from, until]);
        expect(expected.length).toBeGreaterThan(0);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 50)));
        expect(rows.map((bar) => bar.bar_time)).toEqual(
          expected.map((bar) => barTime(interval, bar.bucket)),
        );
        rows.forEach((bar, i) => {
          const want = expected[i];
          for (const field of ['open', 'high', 'low', 'close', 'volume', 'trade_count'] as const) {
            if (!sameNumber(bar[field], want[field])) {
              throw new Error(
                `${security} ${interval} ${bar.bar_time} ${field}: ${bar[field]} != ${want[field]}`,
              );
            }
          }
          if (interval !== '1d') expect(sameNumber(bar.vwap, want.vwap)).toBe(true);
          expect([bar.adjustment_factor, bar.volume_factor]).toEqual(['1', '1']);
        });
      }
    },
    BULK_TIMEOUT_MS,
  );

  it('read a continuous aggregate tick_bars_<interval> where the catalogue has one, else tick_data', async () => {
    const aggregates = (
      await ctx.sql<{ relname: string }>(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relname LIKE 'tick\\_bars\\_%'`,
      )
    ).map((row) => row.relname);
    const sources = ctx.app.get(BarSourcesService);
    // On this path the oracle above compared the API's bars with tick_data through these sources.
    expect((await sources.sourceFor('1h')).relation).toBe(
      aggregates.includes('tick_bars_1h') ? 'tick_bars_1h' : 'tick_data',
    );
    expect((await sources.sourceFor('1m')).relation).toBe(
      aggregates.includes('tick_bars_1m') ? 'tick_bars_1m' : 'tick_data',
    );
  });

  it('1d bars are pricing_history; their vwap is the ticks` except where the base set pins the bar', async () => {
    const rows = exactBody(
      (await ctx.api.get('/api/securities/SEC-0001/bars?interval=1d').expect(200)).text,
    );
    const history = await ctx.sql<Record<string, string>>(
      `SELECT price_date, open_price, high_price, low_price, close_price, volume, vwap
       FROM pricing_history WHERE security_id = 'SEC-0001' ORDER BY price_date`,
    );
    expect(rows.map((bar) => bar.bar_time)).toEqual(history.map((day) => day.price_date));
    rows.forEach((bar, i) => {
      const day = history[i];
      expect([bar.open, bar.high, bar.low, bar.close, bar.volume, bar.vwap].map(Number)).toEqual(
        [day.open_price, day.high_price, day.low_price, day.close_price, day.volume, day.vwap].map(
          Number,
        ),
      );
    });
    const ticks = await ctx.sql<OracleBar>(oracleSql('1d'), [
      'SEC-0001',
      '2024-12-31',
      '2025-04-01',
    ]);
    const pinned = await ctx.sql<{ price_date: string; vwap: string }>(
      `SELECT price_date, vwap FROM pricing_period_1 WHERE security_id = 'SEC-0001'
       UNION ALL SELECT price_date, vwap FROM pricing_period_2 WHERE security_id = 'SEC-0001'`,
    );
    const pinnedVwap = new Map(pinned.map((row) => [row.price_date, row.vwap]));
    rows.forEach((bar, i) => {
      const vwap = pinnedVwap.get(String(bar.bar_time)) ?? ticks[i].vwap;
      expect(sameNumber(bar.vwap, vwap)).toBe(true);
      expect(sameNumber(bar.trade_count, ticks[i].trade_count)).toBe(true);
    });
  });

  it('desc returns the same bars newest first, paged the same way', async () => {
    const url = '/api/securities/SEC-0001/bars?interval=1h&from=2025-03-03&to=2025-03-07&limit=7';
    const asc = await allPages(ctx, url);
    const desc = await allPages(ctx, `${url}&sort=desc`);
    expect(desc.rows).toEqual([...asc.rows].reverse());
    expect(asc.rows).toHaveLength(35);
  });

  it('reads from the first bar holding `from` to the last holding `to`: whole bars only', async () => {
    const res = await ctx.api
      .get('/api/securities/SEC-0001/bars?interval=1h&from=2025-03-03T09:45&to=2025-03-03T10:15')
      .expect(200);
    expect(res.body.map((bar: { bar_time: string }) => bar.bar_time)).toEqual([
      '2025-03-03T09:00:00',
      '2025-03-03T10:00:00',
    ]);
    // The 09:00 bar still holds all of 09:30:00 .. 09:59:40.
    expect(res.body[0].trade_count).toBe(
      Number(
        (await ctx.sql<OracleBar>(oracleSql('1h'), ['SEC-0001', '2025-03-03', '2025-03-04']))[0]
          .trade_count,
      ),
    );
  });
});

describe('bars: split and dividend adjustment', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx?.close());

  const bars = async (security: string, query: string) =>
    exactBody((await ctx.api.get(`/api/securities/${security}/bars?${query}`).expect(200)).text);

  it.each(['1d', '1h', '5m'])(
    'SEC-0003 (4-for-1 on 2025-02-07) %s: adjusted = raw x factor exactly, 0.25 before the split',
    async (interval) => {
      const query = `interval=${interval}&from=2025-02-05&to=2025-02-10`;
      const raw = await bars('SEC-0003', query);
      const adjusted = await bars('SEC-0003', `${query}&adjustment=split`);
      expect(adjusted.map((bar) => bar.bar_time)).toEqual(raw.map((bar) => bar.bar_time));
      adjusted.forEach((bar, i) => {
        const before = String(bar.bar_time) < '2025-02-07';
        expect([bar.adjustment_factor, bar.volume_factor]).toEqual(
          before ? ['0.25', '4'] : ['1', '1'],
        );
        for (const field of ['open', 'high', 'low', 'close', 'vwap'] as const) {
          expect(
            new Decimal(bar[field] as string).eq(
              new Decimal(raw[i][field] as string).times(bar.adjustment_factor as string),
            ),
          ).toBe(true);
        }
        expect(
          new Decimal(bar.volume as string).eq(
            new Decimal(raw[i].volume as string).times(4 ** Number(before)),
          ),
        ).toBe(true);
      });
    },
  );

  it('the adjusted daily series has no jump across the split; the raw one falls by about 75 %', async () => {
    const jump = async (adjustment: string) => {
      const [before, after] = await bars(
        'SEC-0003',
        `interval=1d&from=2025-02-06&to=2025-02-07&adjustment=${adjustment}`,
      );
      return Number(after.open) / Number(before.close) - 1;
    };
    expect(await jump('raw')).toBeLessThan(-0.7);
    expect(Math.abs(await jump('split'))).toBeLessThan(0.1);
  });

  it('the week of the split is built from adjusted days and carries no single factor', async () => {
    const [week] = await bars(
      'SEC-0003',
      'interval=1w&from=2025-02-03&to=2025-02-07&adjustment=split',
    );
    const days = await bars(
      'SEC-0003',
      'interval=1d&from=2025-02-03&to=2025-02-07&adjustment=split',
    );
    expect(week.adjustment_factor).toBeNull();
    expect(Number(week.open)).toBe(Number(days[0].open));
    expect(Number(week.close)).toBe(Number(days[days.length - 1].close));
    expect(Number(week.high)).toBe(Math.max(...days.map((day) => Number(day.high))));
    expect(Number(week.volume)).toBe(days.reduce((sum, day) => sum + Number(day.volume), 0));
  });

  it('a dividend multiplies earlier prices by 1 - dividend / previous close (SEC-0002, 1.15 ex 2025-01-30)', async () => {
    const res = await ctx.api.get('/api/securities/SEC-0002/corporate-actions').expect(200);
    const [action] = res.body;
    const [{ count }] = await ctx.sql<{ count: string }>(
      `SELECT count(*) FROM corporate_actions WHERE security_id = 'SEC-0002'`,
    );
    expect(res.headers['x-total-count']).toBe(count);
    const [previous] = await ctx.sql<{ close_price: string; price_date: string }>(
      `SELECT close_price, price_date FROM pricing_history WHERE security_id = 'SEC-0002' AND price_date < '2025-01-30'
       ORDER BY price_date DESC LIMIT 1`,
    );
    const factor = new Decimal(1)
      .minus(new Decimal('1.15').div(previous.close_price))
      .toDecimalPlaces(12);
    expect(action).toMatchObject({
      action_type: 'DIVIDEND',
      ex_date: '2025-01-30',
      dividend_factor: factor.toNumber(),
      split_factor: 1,
      previous_close: Number(previous.close_price),
      previous_close_date: previous.price_date,
    });
    for (const adjustment of ['dividend', 'all']) {
      const [before, on] = await bars(
        'SEC-0002',
        `interval=1d&from=2025-01-29&to=2025-01-30&adjustment=${adjustment}`,
      );
      expect(before.adjustment_factor).toBe(factor.toString());
      expect(on.adjustment_factor).toBe('1');
    }
    const [unadjusted] = await bars(
      'SEC-0002',
      'interval=1d&from=2025-01-29&to=2025-01-29&adjustment=split',
    );
    expect(unadjusted.adjustment_factor).toBe('1');
  });

  it.each(['1m', '15m', '1h'] as const)(
    '%s bars written by PostgreSQL are byte for byte the decimal.js bars the indicators read, under every adjustment',
    async (interval) => {
      const service = ctx.app.get(BarsService);
      // Across SEC-0002's dividend (ex 2025-01-30) and SEC-0003's split (ex 2025-02-07).
      const range = { from: '2025-01-29', to: '2025-02-10' };
      for (const security of ['SEC-0002', 'SEC-0003']) {
        const span = await ctx.app.get(MarketDataContextService).spanFor(security);
        const window = service.windowOf(interval, resolveTimeRange(range, span));
        for (const adjustment of ADJUSTMENTS) {
          for (const sort of ['asc', 'desc'] as const) {
            const res = await ctx.api
              .get(
                `/api/securities/${security}/bars?interval=${interval}&adjustment=${adjustment}&sort=${sort}` +
                  `&from=${range.from}&to=${range.to}&limit=${BARS_PAGE.max}`,
              )
              .expect(200);
            expect(res.headers.link).toBeUndefined();
            const decimals = await service.collectBars(
              security,
              interval,
              adjustment,
              { ...window },
              BARS_PAGE.max,
              sort,
            );
            expect(decimals.length).toBeGreaterThan(0);
            expect(res.text).toBe(exactJson(decimals.map((bar) => barResponse(interval, bar))));
          }
        }
      }
    },
    BULK_TIMEOUT_MS,
  );

  it('a security without actions is the same under every adjustment', async () => {
    const raw = await bars('SEC-0001', 'interval=1d');
    expect(await bars('SEC-0001', 'interval=1d&adjustment=all')).toEqual(raw);
  });
});
