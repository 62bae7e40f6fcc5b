import { installedTickStorage } from '@securities/database';
import {
  createTestDatabase,
  scannedRelations,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
  tickStoreOf,
} from '@securities/database/testing';
import { isValidCusip, isValidIsin, isValidLei, isValidSedol } from '@securities/market-sim';
import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { planScale, resolveScaleProfile } from '../src';
import {
  runScaleToEnd,
  spawnScale,
  tableChecksums,
  TINY_QUERY_TIMEOUT_MS,
  TINY_RUN_TIMEOUT_MS,
} from './support/scale-cli';

const TINY = ['--profile', 'tiny', '--seed', '7'];
/** Three trading days of the same profile (2025-01-02 .. 01-06: 456,300 ticks, 390 daily bars). */
const THREE_DAYS = [...TINY, '--from', '2025-01-02', '--to', '2025-01-06'];

describe('a tiny scale run: counts and coherence (SPEC section 3)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    // The prepared tiny dataset is `generator scale --profile tiny --seed 7` on an empty database.
    db = await createTestDatabase({}, { dataset: 'tiny' });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  const one = async (sql: string) => (await db.dataSource.query(sql))[0];

  it('writes exactly the tiny profile counts on top of the base set', async () => {
    expect(
      await one(`SELECT (SELECT count(*) FROM securities_master)::int AS securities,
                        (SELECT count(*) FROM issuer)::int AS issuers,
                        (SELECT count(*) FROM tick_data)::int AS ticks,
                        (SELECT count(*) FROM pricing_history)::int AS bars,
                        (SELECT count(*) FROM pricing_period_1)::int AS period_1`),
    ).toEqual({ securities: 130, issuers: 75, ticks: 9_886_500, bars: 8_450, period_1: 120 });
  });

  it('writes the planned holdings, variance rows and trades exactly', async () => {
    const plan = Object.fromEntries(
      planScale(resolveScaleProfile('tiny', { seed: 7 })).phases.map((p) => [p.phase, p.rows]),
    );
    const counts = await one(`SELECT (SELECT count(*) FROM holdings_history)::int AS holdings,
                                     (SELECT count(*) FROM variance_quarterly)::int AS variance,
                                     (SELECT count(*) FROM transactions)::int AS transactions`);
    expect(counts).toMatchObject({ holdings: 13_000, variance: 169 });
    expect(counts.holdings).toBe(plan.holdings_history);
    expect(counts.variance).toBe(plan.variance_quarterly);
    expect(counts.transactions - BASE_PERIOD_POSITIONS.trades).toBe(plan.transactions);
  });

  it('holds exactly holdings_period_1 / holdings_period_2 on 2024-12-31 / 2025-03-31', async () => {
    for (const [table, date] of [
      ['holdings_period_1', '2024-12-31'],
      ['holdings_period_2', '2025-03-31'],
    ]) {
      const columns =
        'security_id, portfolio_id, as_of_date, quantity, market_value, weight, cost_basis, accrued_interest';
      expect(
        await one(`SELECT
          (SELECT count(*) FROM (SELECT ${columns} FROM holdings_history WHERE as_of_date = '${date}'
                                 EXCEPT SELECT ${columns} FROM ${table}) d)::int AS extra,
          (SELECT count(*) FROM (SELECT ${columns} FROM ${table}
                                 EXCEPT SELECT ${columns} FROM holdings_history WHERE as_of_date = '${date}') d)::int AS missing`),
      ).toEqual({ extra: 0, missing: 0 });
    }
  });

  it('values every holding at quantity x close x price factor x FX of its day, weights summing to 1', async () => {
    expect(
      // Holdings read first (MATERIALIZED): on Citus they are sharded by portfolio, prices by
      // security, and a join of the two on security and date is one Citus cannot run directly.
      await one(`
        WITH h AS MATERIALIZED (SELECT * FROM holdings_history)
        SELECT count(*)::int AS holdings,
               count(*) FILTER (WHERE h.market_value = round(h.quantity * p.close_price
                 * CASE WHEN m.security_type IN ('BOND', 'CLO', 'ABS') THEN 0.01 ELSE 1 END
                 * CASE WHEN m.currency = 'USD' THEN 1 ELSE x.rate END, 2))::int AS valued
        FROM h
        JOIN securities_master m USING (security_id)
        JOIN pricing_history p ON (p.security_id, p.price_date) = (h.security_id, h.as_of_date)
        LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (m.currency, 'USD', h.as_of_date)`),
    ).toEqual({ holdings: 13_000, valued: 13_000 });
    expect(
      await one(`SELECT count(*)::int AS days, count(*) FILTER (WHERE total = 1)::int AS whole
                 FROM (SELECT sum(weight) AS total FROM holdings_history GROUP BY portfolio_id, as_of_date) w`),
    ).toEqual({ days: 7 * 65, whole: 7 * 65 });
  });

  it('has a daily FX rate for every currency held, through the base rates on the period dates', async () => {
    expect(
      await one(`SELECT count(*)::int AS missing FROM holdings_history h
                 JOIN securities_master m USING (security_id)
                 LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (m.currency, 'USD', h.as_of_date)
                 WHERE m.currency <> 'USD' AND x.rate IS NULL`),
    ).toEqual({ missing: 0 });
  });

  it('changes every quantity by the net of the trades (after splits; maturity closes a bond)', async () => {
    const row = await one(`
      WITH days AS (SELECT DISTINCT price_date AS d FROM pricing_history),
      pairs AS (SELECT DISTINCT portfolio_id, security_id FROM holdings_history),
      grid AS (
        SELECT p.portfolio_id, p.security_id, days.d, coalesce(h.quantity, 0) AS q,
               lag(coalesce(h.quantity, 0)) OVER (PARTITION BY p.portfolio_id, p.security_id ORDER BY days.d) AS previous
        FROM pairs p CROSS JOIN days
        LEFT JOIN holdings_history h ON (h.portfolio_id, h.security_id, h.as_of_date) = (p.portfolio_id, p.security_id, days.d)),
      net AS (
        SELECT portfolio_id, security_id, txn_date AS d,
               sum(CASE WHEN txn_type = 'BUY' THEN quantity ELSE -quantity END) AS traded
        FROM transactions GROUP BY 1, 2, 3)
      SELECT count(*)::int AS changes,
             count(*) FILTER (WHERE g.q <> g.previous * coalesce(s.ratio, 1) + coalesce(n.traded, 0)
                                AND NOT EXISTS (SELECT 1 FROM corporate_actions c WHERE c.security_id = g.security_id
                                                AND c.action_type = 'MATURITY' AND c.ex_date = g.d AND g.q = 0))::int AS unexplained
      FROM grid g
      LEFT JOIN net n USING (portfolio_id, security_id, d)
      LEFT JOIN corporate_actions s ON s.security_id = g.security_id AND s.ex_date = g.d AND s.action_type = 'STOCK_SPLIT'
      WHERE g.previous IS NOT NULL AND (g.q <> g.previous OR n.traded IS NOT NULL)`);
    expect(row.changes).toBeGreaterThan(1_000);
    expect(row.unexplained).toBe(0);
  });

  it('makes variance_quarterly for 2025Q1 equal variance_summary, row for row', async () => {
    const columns =
      'portfolio_id, security_id, period_from, period_to, mv_start, mv_end, price_effect, qty_effect, fx_effect, corp_action_effect, total_pnl';
    expect(
      await one(`SELECT
        (SELECT count(*) FROM variance_quarterly WHERE quarter_label = '2025Q1')::int AS rows,
        (SELECT count(*) FROM (SELECT ${columns} FROM variance_quarterly WHERE quarter_label = '2025Q1'
                               EXCEPT SELECT ${columns} FROM variance_summary) d)::int AS extra,
        (SELECT count(*) FROM (SELECT ${columns} FROM variance_summary
                               EXCEPT SELECT ${columns} FROM variance_quarterly WHERE quarter_label = '2025Q1') d)::int AS missing`),
    ).toEqual({ rows: BASE_PERIOD_POSITIONS.either, extra: 0, missing: 0 });
  });

  it('starts and ends every variance row at the holdings market values of its dates', async () => {
    expect(
      await one(`SELECT count(*) FILTER (WHERE v.mv_start <> coalesce(a.market_value, 0)
                                          OR v.mv_end <> coalesce(b.market_value, 0))::int AS bad
                 FROM variance_quarterly v
                 LEFT JOIN holdings_history a ON (a.portfolio_id, a.security_id, a.as_of_date) = (v.portfolio_id, v.security_id, v.period_from)
                 LEFT JOIN holdings_history b ON (b.portfolio_id, b.security_id, b.as_of_date) = (v.portfolio_id, v.security_id, v.period_to)`),
    ).toEqual({ bad: 0 });
  });

  it(
    'gives every security-day exactly 1,170 ticks from 09:30:00 to 15:59:40',
    async () => {
      expect(
        await one(`SELECT count(*)::int AS days, min(n)::int AS fewest, max(n)::int AS most,
                        min(first)::text AS first, max(last)::text AS last
                 FROM (SELECT count(*) n, min(tick_time::time) first, max(tick_time::time) last
                       FROM tick_data GROUP BY security_id, tick_time::date) d`),
      ).toEqual({ days: 8_450, fewest: 1_170, most: 1_170, first: '09:30:00', last: '15:59:40' });
    },
    TINY_QUERY_TIMEOUT_MS,
  );

  it(
    'quotes around every trade: bid <= price <= ask and bid < ask',
    async () => {
      expect(
        await one(`SELECT count(*)::int AS bad FROM tick_data
                 WHERE NOT (bid <= price AND price <= ask AND bid < ask AND bid > 0)`),
      ).toEqual({ bad: 0 });
    },
    TINY_QUERY_TIMEOUT_MS,
  );

  it('keeps bars consistent: low <= open, close <= high and vwap within [low, high]', async () => {
    expect(
      await one(`SELECT count(*)::int AS bad FROM pricing_history
                 WHERE NOT (low_price <= least(open_price, close_price) AND high_price >= greatest(open_price, close_price)
                            AND vwap BETWEEN low_price AND high_price AND volume >= 0)`),
    ).toEqual({ bad: 0 });
  });

  it('agrees with pricing_period_1/2 on 2024-12-31 and 2025-03-31, vwap included', async () => {
    for (const table of ['pricing_period_1', 'pricing_period_2']) {
      const row = await one(`
        SELECT count(*)::int AS shared,
               count(*) FILTER (WHERE (h.open_price, h.high_price, h.low_price, h.close_price, h.volume, h.vwap)
                                    = (p.open_price, p.high_price, p.low_price, p.close_price, p.volume, p.vwap))::int AS equal
        FROM pricing_history h JOIN ${table} p USING (security_id, price_date)`);
      expect(row.shared).toBeGreaterThan(0);
      expect(row).toEqual({ shared: row.shared, equal: row.shared });
    }
  });

  it('grows the universe with valid identifiers and the full type mix in proportion', async () => {
    const grown: { isin: string; cusip: string | null; sedol: string | null }[] =
      await db.dataSource.query(
        `SELECT isin, cusip, sedol FROM securities_master WHERE security_id > 'SEC-0120'`,
      );
    expect(grown).toHaveLength(10);
    for (const security of grown) {
      expect(isValidIsin(security.isin)).toBe(true);
      if (security.cusip) expect(isValidCusip(security.cusip)).toBe(true);
      if (security.sedol) expect(isValidSedol(security.sedol)).toBe(true);
    }
    const issuers: { lei: string }[] = await db.dataSource.query('SELECT lei FROM issuer');
    expect(issuers.every((issuer) => isValidLei(issuer.lei))).toBe(true);
  });

  it("rates every bond, CLO and ABS note's issuer, the grown ones' as the base set's", async () => {
    // 130 x 290 / 1,000 = 37.7 -> 38 bonds (35 the base set's) and 130 x 45 / 1,000 = 5.85 -> 6
    // notes (5 the base set's): 44 debt securities, 4 of them grown.
    expect(
      await one(`SELECT count(*)::int AS debt,
                        count(*) FILTER (WHERE s.security_id > 'SEC-0120')::int AS grown,
                        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM credit_ratings r
                                                           WHERE r.issuer_id = s.issuer_id))::int AS unrated,
                        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM credit_ratings r
                                                           WHERE r.issuer_id = s.issuer_id AND r.action = 'INITIAL'
                                                             AND r.rating_date <= '2024-12-31'))::int AS without_initial
                 FROM securities_master s WHERE s.security_type IN ('BOND', 'CLO', 'ABS')`),
    ).toEqual({ debt: 44, grown: 4, unrated: 0, without_initial: 0 });
  });

  it('leaves idx_td_sec valid, and a one-day query reads one partition (or compressed chunk)', async () => {
    if ((await installedTickStorage(db.dataSource)) === 'partitions') {
      expect(
        await one(`SELECT i.indisvalid AS valid,
                          (SELECT count(*) FROM pg_inherits WHERE inhparent = 'idx_td_sec'::regclass)::int AS partitions,
                          (SELECT count(*) FROM pg_inherits WHERE inhparent = 'tick_data'::regclass)::int AS tables
                   FROM pg_index i WHERE i.indexrelid = 'idx_td_sec'::regclass`),
      ).toEqual({ valid: true, partitions: 63, tables: 63 });
    } else {
      // 1-month (30-day) chunks from 2024-12-13 to 2025-04-12, every one compressed.
      expect(
        await one(`SELECT (SELECT indisvalid FROM pg_index WHERE indexrelid = 'idx_td_sec'::regclass) AS valid,
                          count(*)::int AS chunks, count(*) FILTER (WHERE is_compressed)::int AS compressed
                   FROM timescaledb_information.chunks WHERE hypertable_name = 'tick_data'`),
      ).toEqual({ valid: true, chunks: 4, compressed: 4 });
    }
    const store = await tickStoreOf(db.dataSource, 'SEC-0001', '2025-03-28 09:30:00');
    const query = `SELECT * FROM tick_data WHERE security_id = 'SEC-0001'
                   AND tick_time >= '2025-03-28 09:30:00' AND tick_time < '2025-03-28 16:00:00'`;
    expect(await scannedRelations(db.dataSource, query)).toEqual(store.relations);
    const plan: { 'QUERY PLAN': string }[] = await db.dataSource.query(`EXPLAIN ${query}`);
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain(store.index);
  });

  it('records the finished run in the ledger', async () => {
    expect(
      await one('SELECT finished_at IS NOT NULL AS finished FROM scale_generator.scale_run'),
    ).toEqual({
      finished: true,
    });
  });

  it(
    'does nothing when run again with the same profile',
    async () => {
      const again = await runScaleToEnd(TINY, db.env);
      expect(again).toMatch(/nothing to do/);
      expect(await one('SELECT count(*)::int AS ticks FROM tick_data')).toEqual({
        ticks: 9_886_500,
      });
    },
    TINY_RUN_TIMEOUT_MS,
  );

  it(
    'will not start over (the tables no longer match the ledger) without --replace: it names what it would remove and changes nothing',
    async () => {
      await db.dataSource.query('TRUNCATE tick_data, pricing_history');
      // A base company's rating as a run writes it when the company issues its first bond (seed
      // 7's tiny run does not, seed 42's does): an id above the base set's 61, an issuer within it.
      await db.dataSource.query(
        `INSERT INTO credit_ratings (rating_id, issuer_id, rating, rating_date, agency, action)
         SELECT max(rating_id) + 1, 'ISS-001', 'BBB', '2018-03-01', 'S&P', 'INITIAL' FROM credit_ratings`,
      );
      const before = await tableChecksums(db.dataSource);
      const refused = spawnScale(TINY, db.env);
      expect((await refused.exited).code).toBe(1);
      expect(refused.output()).toMatch(
        /^generator: Starting over from the base set \(replacing the run seed=7;universe=130;.*\) would remove data this command did not write: holdings_history \(13,000 rows\), variance_quarterly \(169 rows\), transactions \([\d,]+ rows above the base set's\), fx_rates \([\d,]+ rows above the base set's\), securities_master \(10 rows above the base set's\), credit_ratings \(3 rows above the base set's\), issuer \(4 rows above the base set's\)\.\nNothing was changed\. Rerun with --replace to remove it\.$/m,
      );
      expect(await tableChecksums(db.dataSource)).toEqual(before);
    },
    TINY_QUERY_TIMEOUT_MS,
  );

  it(
    'starts over with --replace when the tables no longer match the ledger (the base set was reloaded)',
    async () => {
      // Shown on three trading days rather than the whole tiny run again (a minute or more): a
      // finished run of them (replacing the tiny run, another profile), its ledger then made
      // stale the same way, and the same command with --replace.
      await runScaleToEnd([...THREE_DAYS, '--replace'], db.env);
      const transactions = await one('SELECT count(*)::int AS count FROM transactions');
      await db.dataSource.query('TRUNCATE tick_data, pricing_history');
      const again = await runScaleToEnd([...THREE_DAYS, '--replace'], db.env);
      expect(again).toMatch(/the data no longer matches the ledger .*: starting over/);
      // A summary per phase; on TimescaleDB with what compression did: every chunk written
      // compressed by the load itself (direct compress of COPY), none left to compress after.
      expect(again).toMatch(/tick_data\s+456,300/);
      expect(again).toMatch(/rows\/s/);
      if ((await installedTickStorage(db.dataSource)) === 'timescaledb')
        expect(again).toMatch(
          /months closed alongside.*; 1 chunks compressed as loaded, [\d.]+ bytes\/row in all; bars refreshed in [\d.]+ s; peak database size/,
        );
      expect(
        await one(`SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
                        (SELECT count(*) FROM pricing_history)::int AS bars`),
      ).toEqual({ ticks: 456_300, bars: 390 });
      // The run's own trades were replaced, not added to.
      expect(await one('SELECT count(*)::int AS count FROM transactions')).toEqual(transactions);
      // Every rating above the base set's 61 was removed, the base company's too: what is left
      // above them is this run's, its one new vehicle's (2 rows, as before).
      expect(
        await one(`SELECT count(*)::int AS above,
                          count(*) FILTER (WHERE issuer_id <= 'ISS-071')::int AS of_base_issuers
                   FROM credit_ratings WHERE rating_id > 61`),
      ).toEqual({ above: 2, of_base_issuers: 0 });
    },
    TINY_RUN_TIMEOUT_MS,
  );
});
