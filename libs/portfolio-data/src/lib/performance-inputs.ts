import { PerformanceInput } from '@securities/analytics';
import { IsoDate } from '@securities/market-sim';
import { priceFactorOf, TransactionType } from '@securities/vocabulary';
import { SqlClient } from './sql-client';

/** A bond's redemption when corporate_actions gives no amount: par, 100 per 100 nominal. */
const PAR_PER_100 = '100';

/** The portfolio's value each day: the sum of its holdings (market values are USD cents). */
const DAYS_SQL = `
  SELECT as_of_date::text AS date, sum(market_value)::text AS market_value
  FROM holdings_history WHERE portfolio_id = $1 AND as_of_date BETWEEN $2 AND $3
  GROUP BY as_of_date ORDER BY as_of_date`;

/** The trades after the first day, with the USD rate of their currency on their day. */
const TRADES_SQL = `
  SELECT t.txn_date::text AS date, t.txn_type AS side, t.quantity::text, t.price::text, t.fees::text,
         m.security_type, CASE WHEN t.currency = 'USD' THEN '1' ELSE x.rate::text END AS fx_rate
  FROM transactions t
  JOIN securities_master m USING (security_id)
  LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (t.currency, 'USD', t.txn_date)
  WHERE t.portfolio_id = $1 AND t.txn_date > $2 AND t.txn_date <= $3
  ORDER BY t.txn_date, t.txn_id`;

/**
 * Dividends, coupons and redemptions with ex-date in (from, to], on the first holdings day on or
 * after the ex-date, for the quantity held at the close before it (who is entitled), converted at
 * that day's rate.
 */
const DISTRIBUTIONS_SQL = `
  SELECT paid.date::text AS date, h.quantity::text, c.action_type, c.amount::text, m.security_type,
         CASE WHEN m.currency = 'USD' THEN '1' ELSE x.rate::text END AS fx_rate
  FROM corporate_actions c
  JOIN securities_master m USING (security_id)
  CROSS JOIN LATERAL (SELECT min(as_of_date) AS date FROM holdings_history
                      WHERE portfolio_id = $1 AND as_of_date >= c.ex_date AND as_of_date <= $3) paid
  CROSS JOIN LATERAL (SELECT max(as_of_date) AS date FROM holdings_history
                      WHERE portfolio_id = $1 AND as_of_date < c.ex_date) entitled
  JOIN holdings_history h ON (h.portfolio_id, h.security_id, h.as_of_date) = ($1, c.security_id, entitled.date)
  LEFT JOIN fx_rates x ON (x.from_currency, x.to_currency, x.rate_date) = (m.currency, 'USD', paid.date)
  WHERE c.action_type IN ('DIVIDEND', 'COUPON', 'MATURITY') AND c.ex_date > $2 AND c.ex_date <= $3
    AND paid.date IS NOT NULL
  ORDER BY paid.date, c.action_id`;

interface TradeRow {
  date: IsoDate;
  side: TransactionType;
  quantity: string;
  price: string;
  fees: string;
  security_type: string;
  fx_rate: string;
}

interface DistributionRow {
  date: IsoDate;
  quantity: string;
  action_type: 'DIVIDEND' | 'COUPON' | 'MATURITY';
  amount: string | null;
  security_type: string;
  fx_rate: string;
}

/** What the performance series of a portfolio between two holdings days reads. */
export async function readPerformanceInputs(
  db: SqlClient,
  portfolioId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<PerformanceInput> {
  const parameters = [portfolioId, from, to];
  const [days, trades, distributions]: [
    { date: IsoDate; market_value: string }[],
    TradeRow[],
    DistributionRow[],
  ] = await Promise.all([
    db.query(DAYS_SQL, parameters),
    db.query(TRADES_SQL, parameters),
    db.query(DISTRIBUTIONS_SQL, parameters),
  ]);
  return {
    days: days.map((day) => ({ date: day.date, marketValue: day.market_value })),
    trades: trades.map((trade) => ({
      date: trade.date,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      fees: trade.fees,
      priceFactor: priceFactorOf(trade.security_type),
      fxRate: trade.fx_rate,
    })),
    distributions: distributions.map((paid) => ({
      date: paid.date,
      quantity: paid.quantity,
      amountPerUnit: paid.amount ?? (paid.action_type === 'MATURITY' ? PAR_PER_100 : '0'),
      priceFactor: priceFactorOf(paid.security_type),
      fxRate: paid.fx_rate,
    })),
  };
}
