import { Queryable, sqlList } from '@securities/database';
import { createRandomSource, IsoDate } from '@securities/market-sim';
import { priceFactorOf, QUOTED_PER_100_TYPES } from '@securities/vocabulary';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { ScaleSecurity } from '../prices/security-path';
import { PhaseProgress } from '../report/progress';
import { loadBasePositions } from './base-lines';
import { accrualDays, couponBond } from './bond-accrual';
import { layoutBook } from './book-lines';
import { MarketView, PositionDay, tradeBook, TradedSecurity, TradeRow } from './book-trading';
import { copyText } from '../copy/copy-text';
import { inCopyTransaction } from '../copy/in-copy-transaction';
import { buildDailyFx } from './daily-fx';
import { HoldingsLayout, PERIOD_1, PERIOD_2 } from './holdings-layout';
import { plannedTransactions } from './trade-targets';

export const HOLDINGS_PHASE = 'holdings';

export interface HoldingsPhaseResult {
  holdings: number;
  transactions: number;
  fxRates: number;
}

const LOTS: Record<string, number> = { EQUITY: 100, ETF: 100, FUND: 100, OPTION: 10, FUTURE: 1 };
const lotOf = (type: string) =>
  (QUOTED_PER_100_TYPES as readonly string[]).includes(type) ? 1_000 : (LOTS[type] ?? 100);

/**
 * Values the staged positions the way the base set values its snapshots: market value = quantity x
 * close x price factor x FX, accrued interest from the 30/360 days since the last coupon, weights
 * rounded to 10 places with what rounding leaves over going to the portfolio's largest holding.
 * The source of the market value and weight rules is TypeScript, `marketValueUsd` and
 * `weightsSummingToOne` in @securities/variance (the base set uses them); this SQL is their set-wise
 * form for speed, and holdings-valuation-matches-typescript.spec.ts checks it against them.
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

/** Each security's closes and vwaps over the range, with its splits by day, for trading. */
async function marketView(
  db: Queryable,
  days: readonly IsoDate[],
  securities: readonly ScaleSecurity[],
  rate: MarketView['fxRate'],
): Promise<MarketView> {
  const bars = (await db.query(
    `SELECT security_id, close_price::float8 AS close, vwap::text AS vwap FROM pricing_history
     WHERE security_id = ANY($1) AND price_date BETWEEN $2 AND $3 ORDER BY security_id, price_date`,
    [securities.map((security) => security.securityId), days[0], days[days.length - 1]],
  )) as { security_id: string; close: number; vwap: string }[];
  const dayIndex = new Map(days.map((date, i) => [date, i]));
  const traded = new Map<string, TradedSecurity>();
  for (const security of securities) {
    traded.set(security.securityId, {
      securityId: security.securityId,
      currency: security.currency,
      priceFactor: priceFactorOf(security.securityType),
      lot: lotOf(security.securityType),
      closes: [],
      vwaps: [],
      splits: new Map(
        security.splits
          .filter((split) => dayIndex.has(split.exDate))
          .map((split) => [dayIndex.get(split.exDate) as number, split.ratio]),
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
  };
}

/**
 * holdings_history, transactions and the daily fx_rates, in one transaction with the ledger mark:
 * a kill rolls all of it back and the rerun writes it again, identically.
 */
export async function writeHoldings(
  dataSource: DataSource,
  key: string,
  layout: HoldingsLayout,
  seed: number,
  securities: readonly ScaleSecurity[],
  progress: PhaseProgress,
): Promise<HoldingsPhaseResult> {
  const { days } = layout;
  try {
    return await inCopyTransaction(dataSource, async (runner, client) => {
      const fx = await buildDailyFx(
        runner,
        days,
        securities.map((security) => security.currency),
        seed,
      );
      const market = await marketView(runner, days, securities, (c, d) => fx.rate(c, d));
      const base = await loadBasePositions(
        runner,
        layout,
        market,
        createRandomSource(seed, 'scale/holdings/base'),
      );

      const portfolios = (
        (await runner.query('SELECT portfolio_id FROM portfolio ORDER BY portfolio_id')) as {
          portfolio_id: string;
        }[]
      ).map((p) => p.portfolio_id);
      const poolRandom = createRandomSource(seed, 'scale/holdings/pools');
      const lastDay = days[days.length - 1];
      const tradable = securities
        .filter((security) => !security.maturityDate || security.maturityDate > lastDay)
        .map((security) => security.securityId);
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
        issueDates: new Map(
          securities.map((security) => [security.securityId, security.issueDate]),
        ),
        random: createRandomSource(seed, 'scale/holdings/book'),
      });

      const structural =
        book.filter((l) => l.from > 0).length + book.filter((l) => l.until < days.length).length;
      // Exactly the plan's count: the opening purchases, each book position's first buy and last
      // sale, and as many trades in between as that leaves.
      const target = plannedTransactions(layout) - base.trades.length;
      const trades: TradeRow[] = [...base.trades];
      const positionDays: PositionDay[] = [...base.days];
      progress.start('holdings', layout.holdingRows, 0);
      progress.advance(base.days.length);
      tradeBook(
        book,
        market,
        target - structural,
        createRandomSource(seed, 'scale/holdings/trades'),
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
      const bonds = new Map(
        securities.map((security) => [security.securityId, couponBond(security)]),
      );
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
        throw new Error(
          `holdings_history: ${holdings} rows written, ${layout.holdingRows} planned`,
        );
      }
      await scaleLedger.markStep(runner, key, HOLDINGS_PHASE, 'all', holdings);
      return { holdings, transactions: trades.length, fxRates: fx.newRows.length };
    });
  } finally {
    progress.stop();
  }
}
