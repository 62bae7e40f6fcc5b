import { detectTickStorage } from '@securities/database';
import {
  scannedRelations,
  TEST_DATASET_TIMEOUT_MS,
  tickStoreOf,
} from '@securities/database/testing';
import { formatLocalTime, resolveTimeRange } from '@securities/market-data';
import { ApiTestContext, startApiWithData } from './api-test-context';
import { allPages } from './market-data-test-helpers';
import { dayTotalsSql, intradayBarJsonSql, TICK_SOURCE, tickPageSql } from '@securities/market-sql';

/** Tests that read or stream tens of thousands of rows: room for a shared, busy machine. */
const BULK_TIMEOUT_MS = 300_000;

const TICK_FIELDS = [
  'tick_time',
  'price',
  'bid',
  'ask',
  'volume',
  'bid_size',
  'ask_size',
  'trade_count',
  'vwap',
];

type TickRow = Record<string, string>;

const tickQuery = (security: string, from: string, until: string) => `
  SELECT to_char(tick_time, 'YYYY-MM-DD"T"HH24:MI:SS') AS tick_time, price, bid, ask, volume, bid_size,
         ask_size, trade_count, vwap
  FROM tick_data WHERE security_id = '${security}' AND tick_time >= '${from}' AND tick_time < '${until}'
  ORDER BY tick_time`;

/** One line per tick, numbers normalised ("32.4800" is 32.48): one comparison for a whole range. */
const tickLine = (tick: Record<string, unknown>) =>
  TICK_FIELDS.map((field, i) => (i === 0 ? String(tick[field]) : String(Number(tick[field])))).join(
    ' ',
  );

function expectSameTicks(actual: Record<string, string | null>[], expected: TickRow[]): void {
  expect(actual.length).toBe(expected.length);
  expect(Object.keys(actual[0] ?? {})).toEqual(actual.length ? TICK_FIELDS : []);
  expect(new Set(actual.map((tick) => tick.tick_time)).size).toBe(actual.length);
  const lines = actual.map(tickLine);
  const want = expected.map(tickLine);
  const first = lines.findIndex((line, i) => line !== want[i]);
  expect(first === -1 ? 'all equal' : `row ${first}: ${lines[first]} != ${want[first]}`).toBe(
    'all equal',
  );
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])),
  );
}

describe('ticks: cursor pages and streams', () => {
  let ctx: ApiTestContext;
  beforeAll(
    async () => (ctx = await startApiWithData('tiny', { readOnly: true })),
    TEST_DATASET_TIMEOUT_MS,
  );
  afterAll(() => ctx?.close());

  it(
    'paging through a whole month returns exactly the rows of one SQL query, in order, none twice',
    async () => {
      const { rows, pages } = await allPages(
        ctx,
        '/api/securities/SEC-0001/ticks?from=2025-03-01&to=2025-03-31&limit=5000',
      );
      const expected = await ctx.sql<TickRow>(tickQuery('SEC-0001', '2025-03-01', '2025-04-01'));
      expect(expected.length).toBe(21 * 1170);
      expect(pages).toBe(Math.ceil(expected.length / 5000));
      expectSameTicks(rows, expected);
    },
    BULK_TIMEOUT_MS,
  );

  it(
    'newest first with sort=desc, paged the same way',
    async () => {
      const { rows } = await allPages(
        ctx,
        '/api/securities/SEC-0002/ticks?from=2025-03-28&to=2025-03-31&limit=1000&sort=desc',
      );
      const expected = await ctx.sql<TickRow>(tickQuery('SEC-0002', '2025-03-28', '2025-04-01'));
      expectSameTicks(rows, expected.reverse());
    },
    BULK_TIMEOUT_MS,
  );

  it('a page boundary inside a range of moments: both ends included', async () => {
    const res = await ctx.api
      .get('/api/securities/SEC-0001/ticks?from=2025-03-03T09:30:00&to=2025-03-03T09:31:00')
      .expect(200);
    expect(res.body.map((tick: { tick_time: string }) => tick.tick_time)).toEqual([
      '2025-03-03T09:30:00',
      '2025-03-03T09:30:20',
      '2025-03-03T09:30:40',
      '2025-03-03T09:31:00',
    ]);
    expect(res.headers.link).toBeUndefined();
  });

  it(
    'the CSV stream of a year returns the same rows as SQL (format=csv and Accept: text/csv alike)',
    async () => {
      const expected = await ctx.sql<TickRow>(tickQuery('SEC-0003', '2025-01-01', '2026-01-01'));
      const byParameter = await ctx.api
        .get('/api/securities/SEC-0003/ticks?from=2025-01-01&to=2025-12-31&format=csv')
        .expect(200);
      expect(byParameter.headers['content-type']).toMatch(/^text\/csv/);
      expect(byParameter.text.split('\n')[0]).toBe(TICK_FIELDS.join(','));
      expectSameTicks(parseCsv(byParameter.text), expected);
      const byAccept = await ctx.api
        .get('/api/securities/SEC-0003/ticks?from=2025-01-01&to=2025-12-31')
        .set('Accept', 'text/csv')
        .expect(200);
      expect(byAccept.text).toBe(byParameter.text);
    },
    BULK_TIMEOUT_MS,
  );

  it(
    'the NDJSON stream holds one tick object per line',
    async () => {
      const res = await ctx.api
        .get('/api/securities/SEC-0001/ticks?from=2025-03-03&to=2025-03-03&format=ndjson')
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk));
          response.on('end', () => done(null, text));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = (res.body as string)
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expectSameTicks(
        lines.map((tick) =>
          Object.fromEntries(Object.entries(tick).map(([key, value]) => [key, String(value)])),
        ),
        await ctx.sql<TickRow>(tickQuery('SEC-0001', '2025-03-03', '2025-03-04')),
      );
    },
    BULK_TIMEOUT_MS,
  );

  it.each([
    [
      'format=csv&limit=10',
      'limit does not apply to a csv stream, which returns the whole range: page with the JSON format',
    ],
    ['cursor=abc', 'cursor is malformed: pass the cursor of a Link header as it is'],
    ['limit=50001', 'limit must not be greater than 50000'],
    ['from=2025-03-05&to=2025-03-04', 'from (2025-03-05) must not be after to (2025-03-04)'],
    ['from=2030-01-01', 'from (2030-01-01) is after the last day of market data (2025-03-31)'],
    ['from=2025-03-03T09:30:00Z', 'from is exchange-local time and takes no time zone'],
    ['format=xml', 'format must be one of json, csv, ndjson'],
    ['sort=newest', 'sort must be one of asc, desc'],
  ])('?%s is a 400 naming the parameter', async (query, message) => {
    const res = await ctx.api.get(`/api/securities/SEC-0001/ticks?${query}`).expect(400);
    expect(res.body.message).toContain(message);
  });

  it("a cursor from another security's pages is refused", async () => {
    const first = await ctx.api
      .get('/api/securities/SEC-0001/ticks?from=2025-03-03&limit=10')
      .expect(200);
    const cursor = /cursor=([^&>]+)/.exec(first.headers.link)?.[1];
    const res = await ctx.api
      .get(`/api/securities/SEC-0002/ticks?from=2025-03-03&limit=10&cursor=${cursor}`)
      .expect(400);
    expect(res.body.message).toBe(
      'cursor belongs to another query: keep every other parameter as it was on the first page',
    );
  });

  it('an unknown security is a 404, in every format', async () => {
    await ctx.api.get('/api/securities/SEC-9999/ticks').expect(404);
    await ctx.api.get('/api/securities/SEC-9999/ticks?format=csv').expect(404);
  });
});

describe('market-data queries touch only the partitions or chunks of their range', () => {
  let ctx: ApiTestContext;
  let expectedFor: (from: string, until: string) => Promise<string[]>;
  beforeAll(async () => {
    ctx = await startApiWithData('tiny', { readOnly: true });
    expectedFor =
      (await detectTickStorage(ctx.db.dataSource)) === 'timescaledb'
        ? async (from, until) =>
            (
              await ctx.sql<{ chunk_name: string }>(
                `SELECT chunk_name FROM timescaledb_information.chunks
                 WHERE hypertable_name = 'tick_data' AND range_start < $2 AND range_end > $1 ORDER BY 1`,
                [from, until],
              )
            ).map((row) => row.chunk_name)
        : // The month's partition (on Citus: its shard holding SEC-0001).
          async (from) =>
            (await tickStoreOf(ctx.db.dataSource, 'SEC-0001', `${from} 09:30:00`)).relations;
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx?.close());

  /** Relations of tick_data (partitions, shards or chunks; compressed chunks' own tables left aside). */
  const explain = async (sql: string, params: unknown[]) =>
    [...new Set(await scannedRelations(ctx.db.dataSource, sql, params))]
      .filter((name) => !name.startsWith('compress_hyper'))
      .sort();

  const range = resolveTimeRange(
    { from: '2025-03-03', to: '2025-03-07' },
    { first: '2024-12-31', last: '2025-03-31' },
  );

  it('a page of ticks', async () => {
    const relations = await explain(tickPageSql('asc', false), [
      'SEC-0001',
      formatLocalTime(range.from),
      formatLocalTime(range.to),
      5001,
    ]);
    expect(relations).toEqual(await expectedFor('2025-03-03', '2025-03-08'));
  });

  it('a window of intraday bars', async () => {
    const relations = await explain(intradayBarJsonSql(TICK_SOURCE), [
      'SEC-0001',
      '2025-03-03T00:00:00',
      '2025-03-08T00:00:00',
      '1 minute',
      [],
      [],
      [],
    ]);
    expect(relations).toEqual(await expectedFor('2025-03-03', '2025-03-08'));
  });

  it("the ticks' day totals behind daily bars", async () => {
    const relations = await explain(dayTotalsSql(TICK_SOURCE), [
      'SEC-0001',
      '2025-03-03',
      '2025-03-08',
    ]);
    expect(relations).toEqual(await expectedFor('2025-03-03', '2025-03-08'));
  });
});
