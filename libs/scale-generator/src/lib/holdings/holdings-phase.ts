import { Queryable } from '@securities/database';
import {
  createRandomSource,
  days30360,
  FixedRateBond,
  IsoDate,
  previousCouponDate,
} from '@securities/market-sim';
import { priceFactorOf, QUOTED_PER_100_TYPES } from '@securities/vocabulary';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { ScaleProfile, tradingDays } from '../profiles/scale-profiles';
import { PhaseProgress } from '../report/progress';
import { loadBasePositions } from './base-lines';
import { layoutBook } from './book-lines';
import { MarketView, PositionDay, tradeBook, TradedSecurity, TradeRow } from './book-trading';
import { copyText } from './copy-text';
import { buildDailyFx } from './daily-fx';
import { layoutHoldings, PERIOD_1, PERIOD_2 } from './holdings-layout';
import { transactionTarget } from './trade-targets';

export const HOLDINGS_PHASE = 'holdings';

export interface HoldingsPhaseResult {
  holdings: number;
  transactions: number;
  fxRates: number;
}

interface SecurityRecord {
  security_id: string;
  security_type: string;
  currency: string;
  issue_date: string;
  maturity_date: string | null;
  coupon_rate: string | null;
}

const LOTS: Record<string, number> = { EQUITY: 100, ETF: 100, FUND: 100, OPTION: 10, FUTURE: 1 };
const lotOf = (type: string) =>
  (QUOTED_PER_100_TYPES as readonly string[]).includes(type) ? 1_000 : (LOTS[type] ?? 100);
const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Values the staged positions the way the base set values its snapshots: market value = quantity x
 * close x price factor x FX, accrued interest from the 30/360 days since the last coupon, weights
 * rounded to 10 places with what rounding leaves over going to the portfolio's largest holding.
 */
const VALUE_STAGED_HOLDINGS_SQL = `
  INSERT INTO holdings_history (security_id, portfolio_id, as_of_date, quantity, market_value, weight, cost_basis, accrued_interest)
  WITH valued AS (
    SELECT s.security_id, s.portfolio_id, s.as_of_date, s.quantity, s.cost_basis,
           round(s.quantity * p.close_price * f.factor * f.fx, 2) AS market_value,
           CASE WHEN s.accrual_days IS NULL THEN 0
                ELSE round(s.quantity * m.coupon_rate * s.accrual_days / 360 * 0.01 * f.fx, 2) END AS accrued_interest
    FROM holdings_stage s
    JOIN securities_master m USING (security_id)
    JOIN pricing_history p ON p.security_id = s.security_id AND p.price_date = s.as_of_date
    LEFT JOIN fx_rates x ON x.from_currency = m.currency AND x.to_currency = 'USD' AND x.rate_date = s.as_of_date
    CROSS JOIN LATERAL (SELECT CASE WHEN m.security_type IN (${sqlList(QUOTED_PER_100_TYPES)}) THEN 0.01 ELSE 1 END AS factor,
                               CASE WHEN m.currency = 'USD' THEN 1 ELSE x.rate END AS fx) f
  ), weighted AS (
    SELECT *, round(market_value / sum(market_value) OVER day_book, 10) AS share,
           row_number() OVER (PARTITION BY portfolio_id, as_of_date ORDER BY market_value DESC, security_id) AS rank
    FROM valued WINDOW day_book AS (PARTITION BY portfolio_id, as_of_date)
  )
  SELECT security_id, portfolio_id, as_of_date, quantity, market_value,
         share + CASE WHEN rank = 1 THEN 1 - sum(share) OVER (PARTITION BY portfolio_id, as_of_date) ELSE 0 END,
         cost_basis, accrued_interest
  FROM weighted`;

async function marketView(
  db: Queryable,
  days: readonly IsoDate[],
  securityIds: readonly string[],
  rate: MarketView['fxRate'],
): Promise<{ market: MarketView; records: Map<string, SecurityRecord> }> {
  const records = new Map(
    (
      (await db.query(
        `SELECT security_id, security_type, currency, issue_date::text, maturity_date::text, coupon_rate::text
       FROM securities_master WHERE security_id = ANY($1)`,
        [securityIds],
      )) as SecurityRecord[]
    ).map((r) => [r.security_id, r]),
  );
  const bars = (await db.query(
    `SELECT security_id, close_price::float8 AS close, vwap::text AS vwap FROM pricing_history
     WHERE security_id = ANY($1) AND price_date BETWEEN $2 AND $3 ORDER BY security_id, price_date`,
    [securityIds, days[0], days[days.length - 1]],
  )) as { security_id: string; close: number; vwap: string }[];
  const splits = (await db.query(
    `SELECT security_id, ex_date::text, ratio::float8 AS ratio FROM corporate_actions WHERE action_type = 'STOCK_SPLIT'`,
  )) as { security_id: string; ex_date: string; ratio: number }[];
  const dayIndex = new Map(days.map((date, i) => [date, i]));
  const traded = new Map<string, TradedSecurity>();
  for (const [securityId, record] of records) {
    traded.set(securityId, {
      securityId,
      currency: record.currency,
      priceFactor: priceFactorOf(record.security_type),
      lot: lotOf(record.security_type),
      closes: [],
      vwaps: [],
      splits: new Map(
        splits
          .filter((s) => s.security_id === securityId && dayIndex.has(s.ex_date))
          .map((s) => [dayIndex.get(s.ex_date) as number, s.ratio]),
      ),
    });
  }
  for (const bar of bars) {
    const security = traded.get(bar.security_id) as TradedSecurity;
    (security.closes as number[]).push(bar.close);
    (security.vwaps as string[]).push(bar.vwap);
  }
  for (const security of traded.values()) {
    if (security.closes.length !== days.length) {
      throw new Error(
        `${security.securityId}: ${security.closes.length} daily bars for ${days.length} days (run the tick phase first)`,
      );
    }
  }
  return {
    market: {
      days,
      security(securityId) {
        const security = traded.get(securityId);
        if (!security) {
          throw new Error(
            `${securityId} is held but has no daily bars in this run: --securities must cover the base set's holdings`,
          );
        }
        return security;
      },
      fxRate: rate,
    },
    records,
  };
}

/** The coupon bond a security is, for accrued interest; undefined for everything else. */
function couponBond(record: SecurityRecord | undefined): FixedRateBond | undefined {
  if (!record?.coupon_rate || !record.maturity_date) return undefined;
  if (!(QUOTED_PER_100_TYPES as readonly string[]).includes(record.security_type)) return undefined;
  return {
    couponRate: Number(record.coupon_rate) / 100,
    couponsPerYear: 2,
    issueDate: record.issue_date,
    maturityDate: record.maturity_date,
  };
}

/** 30/360 days since the last coupon, for coupon bonds not yet matured; null for everything else. */
function accrualDays(bond: FixedRateBond | undefined, date: IsoDate): number | null {
  if (!bond || date >= bond.maturityDate) return null;
  return days30360(previousCouponDate(bond, date), date);
}

/**
 * holdings_history, transactions and the daily fx_rates, in one transaction with the ledger mark:
 * a kill rolls all of it back and the rerun writes it again, identically.
 */
export async function writeHoldings(
  dataSource: DataSource,
  key: string,
  profile: ScaleProfile,
  securityIds: readonly string[],
  progress: PhaseProgress,
): Promise<HoldingsPhaseResult> {
  const days = tradingDays(profile);
  const layout = layoutHoldings(days, profile);
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    const currencies = (await runner.query(
      `SELECT DISTINCT currency FROM securities_master WHERE security_id = ANY($1)`,
      [securityIds],
    )) as { currency: string }[];
    const fx = await buildDailyFx(
      runner,
      days,
      currencies.map((c) => c.currency),
      profile.seed,
    );
    const { market, records } = await marketView(runner, days, securityIds, (c, d) =>
      fx.rate(c, d),
    );
    const base = await loadBasePositions(
      runner,
      layout,
      market,
      createRandomSource(profile.seed, 'scale/holdings/base'),
    );

    const portfolios = (
      (await runner.query('SELECT portfolio_id FROM portfolio ORDER BY portfolio_id')) as {
        portfolio_id: string;
      }[]
    ).map((p) => p.portfolio_id);
    const poolRandom = createRandomSource(profile.seed, 'scale/holdings/pools');
    const lastDay = days[days.length - 1];
    const tradable = securityIds.filter((id) => {
      const maturity = records.get(id)?.maturity_date;
      return !maturity || maturity > lastDay;
    });
    const pools = new Map(
      portfolios.map((portfolioId) => {
        const own = new Set(
          base.lines.filter((l) => l.portfolioId === portfolioId).map((l) => l.securityId),
        );
        return [portfolioId, poolRandom.shuffle(tradable.filter((id) => !own.has(id)))];
      }),
    );
    const book = layoutBook({
      layout,
      baseLines: base.lines,
      portfolios,
      pools,
      random: createRandomSource(profile.seed, 'scale/holdings/book'),
    });

    const bookRows = book.reduce((sum, line) => sum + line.until - line.from, 0);
    const structural =
      book.filter((l) => l.from > 0).length + book.filter((l) => l.until < days.length).length;
    const target = transactionTarget(bookRows) - base.trades.length;
    const trades: TradeRow[] = [...base.trades];
    const positionDays: PositionDay[] = [...base.days];
    progress.start('holdings', layout.holdingRows, 0);
    progress.advance(base.days.length);
    tradeBook(
      book,
      market,
      target - structural,
      createRandomSource(profile.seed, 'scale/holdings/trades'),
      (trade, rows) => {
        if (trade) trades.push(trade);
        for (const row of rows) positionDays.push(row);
        progress.advance(rows.length);
      },
    );

    // fx_rates first: the valuation below reads the day's rate from it.
    const [{ next_rate_id: nextRateId }] = await runner.query(
      'SELECT coalesce(max(rate_id), 0) + 1 AS next_rate_id FROM fx_rates',
    );
    await copyText(
      client,
      'COPY fx_rates (rate_id, from_currency, to_currency, rate_date, rate) FROM STDIN',
      fx.newRows
        .sort((a, b) => a.date.localeCompare(b.date) || a.currency.localeCompare(b.currency))
        .map((r, i) => `${nextRateId + i}\t${r.currency}\tUSD\t${r.date}\t${r.rate}`),
    );

    const [{ next_txn_id: nextTxnId }] = await runner.query(
      'SELECT coalesce(max(txn_id), 0) + 1 AS next_txn_id FROM transactions',
    );
    trades.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.portfolioId.localeCompare(b.portfolioId) ||
        a.securityId.localeCompare(b.securityId),
    );
    await copyText(
      client,
      'COPY transactions (txn_id, security_id, portfolio_id, txn_type, quantity, price, txn_date, settlement_date, fees, currency) FROM STDIN',
      trades.map(
        (t, i) =>
          `${Number(nextTxnId) + i}\t${t.securityId}\t${t.portfolioId}\t${t.type}\t${t.quantity}\t${t.price}\t${t.date}\t${t.settlementDate}\t${t.fees}\t${t.currency}`,
      ),
    );

    await runner.query(`
      CREATE TEMP TABLE holdings_stage (
        portfolio_id varchar(16), security_id varchar(16), as_of_date date,
        quantity numeric(20,4), cost_basis numeric(20,2), accrual_days integer
      ) ON COMMIT DROP`);
    // One bond object per security: market-sim caches its coupon schedule by object.
    const bonds = new Map([...records].map(([id, record]) => [id, couponBond(record)]));
    await copyText(
      client,
      'COPY holdings_stage FROM STDIN',
      positionDays.map((p) => {
        const date = days[p.day];
        const accrual = accrualDays(bonds.get(p.securityId), date);
        return `${p.portfolioId}\t${p.securityId}\t${date}\t${p.quantity}\t${p.costBasis}\t${accrual ?? '\\N'}`;
      }),
    );
    await runner.query(VALUE_STAGED_HOLDINGS_SQL);
    for (const [table, date] of [
      ['holdings_period_1', PERIOD_1],
      ['holdings_period_2', PERIOD_2],
    ]) {
      if (!days.includes(date)) continue;
      await runner.query(
        `INSERT INTO holdings_history (security_id, portfolio_id, as_of_date, quantity, market_value, weight, cost_basis, accrued_interest)
         SELECT security_id, portfolio_id, as_of_date, quantity, market_value, weight, cost_basis, accrued_interest FROM ${table}`,
      );
    }
    const [{ count: holdings }] = await runner.query(
      'SELECT count(*)::int AS count FROM holdings_history',
    );
    if (holdings !== layout.holdingRows) {
      throw new Error(`holdings_history: ${holdings} rows written, ${layout.holdingRows} planned`);
    }
    await scaleLedger.markStep(runner, key, HOLDINGS_PHASE, 'all', holdings);
    await runner.commitTransaction();
    progress.stop();
    return { holdings, transactions: trades.length, fxRates: fx.newRows.length };
  } catch (error) {
    progress.stop();
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
