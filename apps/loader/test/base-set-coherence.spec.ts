import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { CORE_TABLE_NAMES } from '@securities/database';
import {
  BASE_SET_COUNTS,
  generateBaseSet,
  PERIOD_1,
  PERIOD_2,
  SCENARIOS,
} from '@securities/generator-core';
import { loadCsvDirectory } from '@securities/loader-core';
import {
  cleanPrice,
  creditSpread,
  isValidCusip,
  isValidIsin,
  isValidLei,
  isValidSedol,
  ratingNotch,
  riskFreeYield,
  yearsBetween,
} from '@securities/market-sim';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CLI's default seed: what `nx run generator:base` then `nx run loader:csv` put in the database. */
const SEED = 42;
const LOWEST_INVESTMENT_GRADE_NOTCH = 9;
/** Thresholds the scenarios clear by design (see SCENARIOS in generator-core). */
const MATERIAL_FX_MOVE = 0.03;
const MATERIAL_BOND_DROP = 0.05;
const LARGE_SHARE_MOVE = 0.4;

/** Every holding of both dates, with the close and FX rate of its date and the price factor. */
const VALUED_HOLDINGS = `
  WITH holdings AS (
    SELECT h.*, p.close_price FROM holdings_period_1 h
      JOIN pricing_period_1 p ON p.security_id = h.security_id AND p.price_date = h.as_of_date
    UNION ALL
    SELECT h.*, p.close_price FROM holdings_period_2 h
      JOIN pricing_period_2 p ON p.security_id = h.security_id AND p.price_date = h.as_of_date
  )
  SELECT h.*, s.security_type, s.currency,
         CASE WHEN s.security_type IN ('BOND', 'CLO', 'ABS') THEN 0.01 ELSE 1 END AS price_factor,
         COALESCE(fx.rate, 1) AS fx_rate
    FROM holdings h
    JOIN securities_master s ON s.security_id = h.security_id
    LEFT JOIN fx_rates fx
      ON fx.from_currency = s.currency AND fx.to_currency = 'USD' AND fx.rate_date = h.as_of_date`;

/** Every position held on either date, with both quantities (0 when not held) and its net trades. */
const POSITIONS = `
  WITH keys AS (
    SELECT portfolio_id, security_id FROM holdings_period_1
    UNION SELECT portfolio_id, security_id FROM holdings_period_2
  ),
  net_trades AS (
    SELECT portfolio_id, security_id, count(*) AS trades,
           sum(CASE txn_type WHEN 'BUY' THEN quantity ELSE -quantity END) AS net
      FROM transactions
     WHERE txn_date > '${PERIOD_1}' AND txn_date <= '${PERIOD_2}'
     GROUP BY portfolio_id, security_id
  ),
  splits AS (
    SELECT security_id, round(exp(sum(ln(ratio))), 6) AS ratio
      FROM corporate_actions
     WHERE action_type = 'STOCK_SPLIT' AND ex_date > '${PERIOD_1}' AND ex_date <= '${PERIOD_2}'
     GROUP BY security_id
  ),
  matured AS (
    SELECT DISTINCT security_id FROM corporate_actions
     WHERE action_type = 'MATURITY' AND ex_date > '${PERIOD_1}' AND ex_date <= '${PERIOD_2}'
  )
  SELECT k.portfolio_id, k.security_id,
         COALESCE(h1.quantity, 0) AS quantity_1, COALESCE(h2.quantity, 0) AS quantity_2,
         COALESCE(sp.ratio, 1) AS split_ratio, COALESCE(t.net, 0) AS net_trades,
         COALESCE(t.trades, 0) AS trades, m.security_id IS NOT NULL AS matured
    FROM keys k
    LEFT JOIN holdings_period_1 h1 USING (portfolio_id, security_id)
    LEFT JOIN holdings_period_2 h2 USING (portfolio_id, security_id)
    LEFT JOIN net_trades t USING (portfolio_id, security_id)
    LEFT JOIN splits sp USING (security_id)
    LEFT JOIN matured m USING (security_id)`;

type Row = Record<string, string | number | boolean | null>;

describe('the base set, loaded: coherence and scenarios by SQL', () => {
  let db: TestDatabase;
  let dir: string;
  const query = (sql: string, parameters: unknown[] = []): Promise<Row[]> =>
    db.dataSource.query(sql, parameters);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'base-set-coherence-'));
    await generateBaseSet({ seed: SEED, outDir: dir });
    db = await createTestDatabase();
    await loadCsvDirectory({ dir, dataSource: db.dataSource });
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('invariants', () => {
    it('loads every CSV whole, its header being the table’s columns in order', async () => {
      for (const table of CORE_TABLE_NAMES) {
        const columns = await query(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        const header = (await readFile(join(dir, `${table}.csv`), 'utf8')).split('\n')[0];
        expect(header).toBe(columns.map((column) => column.column_name).join(','));
        const [{ rows }] = await query(`SELECT count(*)::int AS rows FROM ${table}`);
        expect(rows).toBe(BASE_SET_COUNTS[table]);
      }
    });

    it('values every holding at round(quantity x close x price factor x FX, 2)', async () => {
      const wrong = await query(`
        SELECT portfolio_id, security_id, as_of_date, market_value,
               round(quantity * close_price * price_factor * fx_rate, 2) AS expected
          FROM (${VALUED_HOLDINGS}) v
         WHERE market_value <> round(quantity * close_price * price_factor * fx_rate, 2)`);
      expect(wrong).toEqual([]);
      const [{ holdings }] = await query(
        `SELECT count(*)::int AS holdings FROM (${VALUED_HOLDINGS}) v`,
      );
      expect(holdings).toBe(BASE_SET_COUNTS.holdings_period_1 + BASE_SET_COUNTS.holdings_period_2);
    });

    it('weights the holdings of each portfolio on each date to exactly 1', async () => {
      const sums = await query(`
        SELECT portfolio_id, as_of_date, sum(weight)::text AS total FROM (
          SELECT portfolio_id, as_of_date, weight FROM holdings_period_1
          UNION ALL SELECT portfolio_id, as_of_date, weight FROM holdings_period_2) h
         GROUP BY portfolio_id, as_of_date ORDER BY portfolio_id, as_of_date`);
      expect(sums).toHaveLength(14);
      for (const sum of sums) expect(sum.total).toBe('1.0000000000');
    });

    it('changes quantities by exactly the net of the period’s trades, after splits', async () => {
      const wrong = await query(`
        SELECT * FROM (${POSITIONS}) p
         WHERE NOT matured AND quantity_2 <> quantity_1 * split_ratio + net_trades`);
      expect(wrong).toEqual([]);
      // A redemption is not a trade: a matured bond's position just ends.
      const matured = await query(
        `SELECT quantity_2::text, trades::int FROM (${POSITIONS}) p WHERE matured`,
      );
      expect(matured).toEqual([{ quantity_2: '0', trades: 0 }]);
    });

    it('keeps every daily bar consistent: low <= open, close <= high; VWAP within; volume >= 0', async () => {
      const wrong = await query(`
        SELECT security_id, price_date FROM (
          SELECT * FROM pricing_period_1 UNION ALL SELECT * FROM pricing_period_2) p
         WHERE NOT (low_price <= LEAST(open_price, close_price) AND high_price >= GREATEST(open_price, close_price)
                    AND vwap BETWEEN low_price AND high_price AND volume >= 0 AND low_price > 0)`);
      expect(wrong).toEqual([]);
    });

    it('stores identifiers with valid check digits (ISIN, CUSIP, SEDOL, LEI)', async () => {
      const securities = await query(
        `SELECT security_id, isin, cusip, sedol FROM securities_master`,
      );
      const issuers = await query(`SELECT issuer_id, lei FROM issuer`);
      expect(securities.filter((row) => !isValidIsin(String(row.isin)))).toEqual([]);
      expect(
        securities.filter((row) => row.cusip !== null && !isValidCusip(String(row.cusip))),
      ).toEqual([]);
      expect(
        securities.filter((row) => row.sedol !== null && !isValidSedol(String(row.sedol))),
      ).toEqual([]);
      expect(issuers.filter((row) => !isValidLei(String(row.lei)))).toEqual([]);
      const [{ with_cusip, with_sedol }] = await query(
        `SELECT count(cusip)::int AS with_cusip, count(sedol)::int AS with_sedol FROM securities_master`,
      );
      expect(with_cusip).toBeGreaterThan(30);
      expect(with_sedol).toBeGreaterThan(30);
    });

    it('prices bonds consistently with their coupon, maturity and rating', async () => {
      const bonds = await query(`
        SELECT s.security_id, s.currency, s.issue_date, s.maturity_date, s.coupon_rate, p.close_price, r.rating
          FROM securities_master s
          JOIN pricing_period_2 p ON p.security_id = s.security_id
          JOIN LATERAL (
            SELECT rating FROM credit_ratings c
             WHERE c.issuer_id = s.issuer_id AND c.rating_date <= '${PERIOD_2}'
             ORDER BY c.rating_date DESC LIMIT 1) r ON true
         WHERE s.security_type IN ('BOND', 'CLO', 'ABS') AND s.status = 'ACTIVE'`);
      expect(bonds).toHaveLength(39);
      const spreads = bonds.map((bond) => {
        const terms = {
          couponRate: Number(bond.coupon_rate) / 100,
          couponsPerYear: 2 as const,
          issueDate: String(bond.issue_date),
          maturityDate: String(bond.maturity_date),
        };
        // The yield that prices the bond at its close, by bisection; less the risk-free yield.
        let [low, high] = [-0.05, 0.5];
        for (let i = 0; i < 100; i++) {
          const mid = (low + high) / 2;
          if (cleanPrice(terms, PERIOD_2, mid) > Number(bond.close_price)) low = mid;
          else high = mid;
        }
        const years = yearsBetween(PERIOD_2, terms.maturityDate);
        const notch = ratingNotch(String(bond.rating));
        return {
          notch,
          spread: (low + high) / 2 - riskFreeYield(bond.currency as 'USD', years),
          ratingSpread: creditSpread(notch),
        };
      });
      for (const { spread, ratingSpread } of spreads) {
        expect(spread).toBeGreaterThan(ratingSpread - 0.015);
        expect(spread).toBeLessThan(ratingSpread + 0.035);
      }
      const mean = (highYield: boolean) => {
        const chosen = spreads.filter(
          ({ notch }) => notch > LOWEST_INVESTMENT_GRADE_NOTCH === highYield,
        );
        return chosen.reduce((sum, { spread }) => sum + spread, 0) / chosen.length;
      };
      expect(mean(true)).toBeGreaterThan(mean(false) + 0.01);
      // Close to maturity, whatever the coupon and rating, a bond trades near par.
      const [{ far_from_par }] = await query(`
        SELECT count(*)::int AS far_from_par FROM securities_master s JOIN pricing_period_2 p USING (security_id)
         WHERE s.security_type = 'BOND' AND s.status = 'ACTIVE' AND s.maturity_date < DATE '${PERIOD_2}' + 365
           AND abs(p.close_price - 100) > 5`);
      expect(far_from_par).toBe(0);
    });

    it('gives risk metrics by type: VaR for portfolios, beta for shares, duration and convexity for bonds', async () => {
      const [portfolios] = await query(`
        SELECT count(*)::int AS rows, count(DISTINCT as_of_date)::int AS dates,
               bool_and(var_95 > 0 AND var_99 > var_95 AND volatility > 0 AND security_id IS NULL) AS sensible
          FROM risk_metrics WHERE portfolio_id IS NOT NULL`);
      expect(portfolios).toEqual({ rows: 14, dates: 2, sensible: true });
      const byType = await query(`
        SELECT s.security_type, count(*)::int AS rows,
               bool_and(r.beta IS NOT NULL) AS beta, bool_and(r.duration > 0 AND r.convexity > 0) AS duration,
               bool_and(r.beta IS NULL) AS no_beta, bool_and(r.duration IS NULL) AS no_duration,
               bool_and(r.var_95 IS NULL) AS no_var
          FROM risk_metrics r JOIN securities_master s USING (security_id)
         GROUP BY s.security_type`);
      const of = (type: string) => byType.find((row) => row.security_type === type);
      expect(of('EQUITY')).toMatchObject({ rows: 30, beta: true, no_duration: true, no_var: true });
      expect(of('BOND')).toMatchObject({ duration: true, no_beta: true, no_var: true });
      expect(byType.reduce((sum, row) => sum + Number(row.rows), 0)).toBe(60);
      const [{ betas_plausible }] = await query(`
        SELECT bool_and(r.beta BETWEEN 0.2 AND 2.5) AS betas_plausible
          FROM risk_metrics r JOIN securities_master s USING (security_id) WHERE s.security_type = 'EQUITY'`);
      expect(betas_plausible).toBe(true);
    });

    it('attributes every position’s change exactly, from the holdings’ own market values', async () => {
      const wrong = await query(`
        SELECT v.portfolio_id, v.security_id FROM variance_summary v
          LEFT JOIN holdings_period_1 h1 USING (portfolio_id, security_id)
          LEFT JOIN holdings_period_2 h2 USING (portfolio_id, security_id)
         WHERE v.mv_start <> COALESCE(h1.market_value, 0) OR v.mv_end <> COALESCE(h2.market_value, 0)
            OR v.mv_end - v.mv_start <> v.total_pnl
            OR v.price_effect + v.qty_effect + v.fx_effect + v.corp_action_effect <> v.total_pnl
            OR v.period_from <> '${PERIOD_1}' OR v.period_to <> '${PERIOD_2}'`);
      expect(wrong).toEqual([]);
      const [{ positions }] = await query(
        `SELECT count(*)::int AS positions FROM (${POSITIONS}) p`,
      );
      expect(positions).toBe(BASE_SET_COUNTS.variance_summary);
    });

    it('keeps book cost on the side of the position, and accrues interest on bonds only', async () => {
      const [checks] = await query(`
        SELECT bool_and(sign(cost_basis) = sign(quantity)) AS cost_side,
               bool_and(accrued_interest = 0 OR security_type IN ('BOND', 'CLO', 'ABS')) AS accrued_on_bonds,
               bool_or(accrued_interest > 0) AS some_accrued
          FROM (${VALUED_HOLDINGS}) v`);
      expect(checks).toEqual({ cost_side: true, accrued_on_bonds: true, some_accrued: true });
    });
  });

  describe('scenarios, each found by a query', () => {
    it('a stock split: ex-date in the period, the holders’ shares multiplied by its ratio', async () => {
      const splits = await query(`
        SELECT ca.security_id, ca.ratio::text, p2.close_price / p1.close_price AS price_ratio
          FROM corporate_actions ca
          JOIN pricing_period_1 p1 USING (security_id) JOIN pricing_period_2 p2 USING (security_id)
         WHERE ca.action_type = 'STOCK_SPLIT' AND ca.ex_date > '${PERIOD_1}' AND ca.ex_date <= '${PERIOD_2}'`);
      expect(splits).toMatchObject([
        { security_id: SCENARIOS.stockSplit.securityId, ratio: '4.000000' },
      ]);
      expect(Number(splits[0].price_ratio)).toBeLessThan(0.5);
      const holders = await query(`SELECT * FROM (${POSITIONS}) p WHERE security_id = $1`, [
        splits[0].security_id,
      ]);
      expect(holders.length).toBeGreaterThanOrEqual(3);
      for (const holder of holders)
        expect(Number(holder.quantity_2)).toBe(
          Number(holder.quantity_1) * 4 + Number(holder.net_trades),
        );
    });

    it('cash dividends: going ex in the period, taken out of the holders’ value', async () => {
      const dividends = await query(`
        SELECT ca.security_id, count(v.*)::int AS holders, bool_and(v.corp_action_effect < 0) AS paid_out
          FROM corporate_actions ca JOIN variance_summary v USING (security_id)
         WHERE ca.action_type = 'DIVIDEND' AND ca.amount > 0 AND ca.ex_date > '${PERIOD_1}' AND ca.ex_date <= '${PERIOD_2}'
           AND v.mv_end > 0
         GROUP BY ca.security_id ORDER BY ca.security_id`);
      expect(dividends.map((row) => row.security_id)).toEqual([...SCENARIOS.dividendPayers].sort());
      for (const row of dividends) expect(row).toMatchObject({ paid_out: true });
    });

    it('bond coupons: paid in the period at the coupon rate, per 100 nominal', async () => {
      const coupons = await query(`
        SELECT ca.security_id, ca.amount, s.coupon_rate FROM corporate_actions ca JOIN securities_master s USING (security_id)
         WHERE ca.action_type = 'COUPON' AND ca.ex_date > '${PERIOD_1}' AND ca.ex_date <= '${PERIOD_2}'`);
      expect(coupons).toHaveLength(5);
      for (const coupon of coupons) {
        expect([Number(coupon.coupon_rate) / 2, Number(coupon.coupon_rate)]).toContain(
          Number(coupon.amount),
        );
      }
    });

    it('a bond maturing in the period: redeemed, marked MATURED, its position closed by the maturity', async () => {
      const matured = await query(`
        SELECT s.security_id, s.status, v.portfolio_id, v.mv_start, v.mv_end, v.corp_action_effect, v.total_pnl, v.price_effect
          FROM securities_master s
          JOIN corporate_actions ca ON ca.security_id = s.security_id AND ca.action_type = 'MATURITY'
          JOIN variance_summary v ON v.security_id = s.security_id
         WHERE s.maturity_date > '${PERIOD_1}' AND s.maturity_date <= '${PERIOD_2}' AND ca.ex_date = s.maturity_date`);
      expect(matured).toHaveLength(1);
      const [row] = matured;
      expect(row).toMatchObject({
        security_id: SCENARIOS.maturingBond.securityId,
        status: 'MATURED',
        mv_end: '0.00',
        price_effect: '0.00',
      });
      expect(row.corp_action_effect).toBe(row.total_pnl);
      expect(Number(row.total_pnl)).toBe(-Number(row.mv_start));
      const [{ still_held }] = await query(
        `SELECT count(*)::int AS still_held FROM holdings_period_2 WHERE security_id = $1`,
        [row.security_id],
      );
      expect(still_held).toBe(0);
    });

    it('13 new and 2 closed positions between period 1 and period 2', async () => {
      const [counts] = await query(`
        SELECT count(*) FILTER (WHERE quantity_1 = 0)::int AS opened,
               count(*) FILTER (WHERE quantity_2 = 0)::int AS closed,
               count(*) FILTER (WHERE quantity_2 = 0 AND matured)::int AS closed_by_maturity,
               count(*)::int AS positions
          FROM (${POSITIONS}) p`);
      expect(counts).toEqual({ opened: 13, closed: 2, closed_by_maturity: 1, positions: 169 });
    });

    it('material FX moves: EUR, GBP and JPY move more than 3% against USD', async () => {
      const moves = await query(`
        SELECT f1.from_currency, abs(f2.rate / f1.rate - 1) AS move
          FROM fx_rates f1 JOIN fx_rates f2 ON f2.from_currency = f1.from_currency AND f2.to_currency = f1.to_currency
         WHERE f1.rate_date = '${PERIOD_1}' AND f2.rate_date = '${PERIOD_2}' AND f1.from_currency IN ('EUR', 'GBP', 'JPY')`);
      expect(moves).toHaveLength(3);
      for (const { move } of moves) expect(Number(move)).toBeGreaterThan(MATERIAL_FX_MOVE);
    });

    it('an issuer downgrade in the period, with its bonds’ prices dropping', async () => {
      const bonds = await query(`
        SELECT s.security_id, c.rating, p2.close_price / p1.close_price - 1 AS price_change
          FROM credit_ratings c
          JOIN securities_master s ON s.issuer_id = c.issuer_id AND s.security_type = 'BOND'
          JOIN pricing_period_1 p1 ON p1.security_id = s.security_id
          JOIN pricing_period_2 p2 ON p2.security_id = s.security_id
         WHERE c.action = 'DOWNGRADE' AND c.rating_date > '${PERIOD_1}' AND c.rating_date <= '${PERIOD_2}'
         ORDER BY s.security_id`);
      expect(bonds.map((row) => row.security_id)).toEqual(SCENARIOS.downgrade.bondIds);
      for (const bond of bonds) {
        expect(ratingNotch(String(bond.rating))).toBeGreaterThan(LOWEST_INVESTMENT_GRADE_NOTCH);
        expect(Number(bond.price_change)).toBeLessThan(-MATERIAL_BOND_DROP);
      }
    });

    it('buys and sells changing the quantities of positions held on both dates', async () => {
      const [changes] = await query(`
        SELECT count(*) FILTER (WHERE quantity_2 > quantity_1 * split_ratio)::int AS grown,
               count(*) FILTER (WHERE quantity_2 < quantity_1 * split_ratio)::int AS shrunk
          FROM (${POSITIONS}) p WHERE quantity_1 > 0 AND quantity_2 > 0 AND trades > 0`);
      expect(changes.grown).toBeGreaterThan(10);
      expect(changes.shrunk).toBeGreaterThan(10);
      const types = await query(
        `SELECT txn_type, count(*)::int AS trades FROM transactions GROUP BY txn_type ORDER BY txn_type`,
      );
      expect(types.map((row) => row.txn_type)).toEqual(['BUY', 'SELL']);
    });

    it('large price shocks at the top of the movers list by |total_pnl|', async () => {
      const top = await query(`
        SELECT v.portfolio_id, v.security_id, abs(p2.close_price / p1.close_price - 1) AS move, v.qty_effect
          FROM variance_summary v
          JOIN pricing_period_1 p1 USING (security_id) JOIN pricing_period_2 p2 USING (security_id)
         ORDER BY abs(v.total_pnl) DESC LIMIT 3`);
      expect(top.map((row) => `${row.portfolio_id}|${row.security_id}`).sort()).toEqual(
        SCENARIOS.priceShocks.map((shock) => `${shock.portfolioId}|${shock.securityId}`).sort(),
      );
      for (const row of top) {
        expect(Number(row.move)).toBeGreaterThan(LARGE_SHARE_MOVE);
        expect(row.qty_effect).toBe('0.00');
      }
    });
  });
});
