import { PeriodCorporateAction, PeriodInputs, PeriodPosition } from '@securities/analytics';
import { IsoDate } from '@securities/market-sim';
import { SqlClient } from './sql-client';

/** The two dates of an attribution, for one portfolio or (without one) for every portfolio. */
export interface AttributionWindow {
  from: IsoDate;
  to: IsoDate;
  portfolioId?: string;
}

/** A position as the tables hold it, with the security's name and ticker for the reader. */
export interface StoredPeriodPosition extends PeriodPosition {
  securityName: string;
  ticker: string;
}

interface PositionRow {
  portfolio_id: string;
  security_id: string;
  security_type: string;
  security_name: string;
  ticker: string;
  q0: string;
  q1: string;
  p0: string | null;
  p1: string | null;
  x0: string | null;
  x1: string | null;
}

interface ActionRow {
  security_id: string;
  action_type: PeriodCorporateAction['type'];
  ratio: string | null;
  amount: string | null;
}

/**
 * Every position held on either date (quantity 0 on the date it is not held), with the close and
 * the FX rate to USD of both dates. Positions opened and closed between the dates are in neither
 * snapshot and not attributed, as in variance_summary.
 */
const positionsSql = (onePortfolio: boolean) => `
  WITH held AS (
    SELECT DISTINCT portfolio_id, security_id FROM holdings_history
    WHERE as_of_date IN ($1, $2) ${onePortfolio ? 'AND portfolio_id = $3' : ''}
  )
  SELECT h.portfolio_id, h.security_id, m.security_type, m.security_name, m.ticker,
         coalesce(a.quantity, 0)::text AS q0, coalesce(b.quantity, 0)::text AS q1,
         p0.close_price::text AS p0, p1.close_price::text AS p1,
         CASE WHEN m.currency = 'USD' THEN '1' ELSE x0.rate::text END AS x0,
         CASE WHEN m.currency = 'USD' THEN '1' ELSE x1.rate::text END AS x1
  FROM held h
  JOIN securities_master m USING (security_id)
  LEFT JOIN holdings_history a ON (a.portfolio_id, a.security_id, a.as_of_date) = (h.portfolio_id, h.security_id, $1)
  LEFT JOIN holdings_history b ON (b.portfolio_id, b.security_id, b.as_of_date) = (h.portfolio_id, h.security_id, $2)
  LEFT JOIN pricing_history p0 ON (p0.security_id, p0.price_date) = (h.security_id, $1)
  LEFT JOIN pricing_history p1 ON (p1.security_id, p1.price_date) = (h.security_id, $2)
  LEFT JOIN fx_rates x0 ON (x0.from_currency, x0.to_currency, x0.rate_date) = (m.currency, 'USD', $1)
  LEFT JOIN fx_rates x1 ON (x1.from_currency, x1.to_currency, x1.rate_date) = (m.currency, 'USD', $2)
  ORDER BY h.portfolio_id, h.security_id`;

/** Corporate actions with ex-date in (from, to] of the securities held, in the order they happened. */
const ACTIONS_SQL = `
  SELECT security_id, action_type, ratio::text, amount::text FROM corporate_actions
  WHERE ex_date > $1 AND ex_date <= $2 AND security_id = ANY($3)
  ORDER BY ex_date, action_id`;

/** A position the tables cannot value is an error naming it, never a row left out. */
function assertPricedAndConverted(row: PositionRow, { from, to }: AttributionWindow): void {
  const missing = [
    [row.p0, `no close in pricing_history on ${from}`],
    [row.p1, `no close in pricing_history on ${to}`],
    [row.x0, `no USD rate in fx_rates on ${from}`],
    [row.x1, `no USD rate in fx_rates on ${to}`],
  ].find(([value]) => value === null);
  if (missing) {
    throw new Error(`${row.security_id} (held by ${row.portfolio_id}) has ${missing[1]}`);
  }
}

/** A statement and its parameters, as a pg client takes them. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * The statements `readPeriodInputs` runs, in order (the second needs the securities the first
 * returned), for whoever must time or explain exactly what the attribution reads.
 */
export function periodInputStatements(window: AttributionWindow) {
  const { from, to, portfolioId } = window;
  return {
    positions: {
      text: positionsSql(portfolioId !== undefined),
      values: portfolioId === undefined ? [from, to] : [from, to, portfolioId],
    } satisfies SqlStatement,
    actions: (securityIds: readonly string[]): SqlStatement => ({
      text: ACTIONS_SQL,
      values: [from, to, securityIds],
    }),
  };
}

/**
 * What an attribution between two dates reads: holdings_history, pricing_history, fx_rates and
 * corporate_actions, exactly as they are. The one reader behind variance_quarterly (the generator)
 * and the API's attribution between any two dates.
 */
export async function readPeriodInputs(
  db: SqlClient,
  window: AttributionWindow,
): Promise<PeriodInputs<StoredPeriodPosition>> {
  const statements = periodInputStatements(window);
  const rows: PositionRow[] = await db.query(
    statements.positions.text,
    statements.positions.values,
  );
  for (const row of rows) assertPricedAndConverted(row, window);
  const securities = [...new Set(rows.map((row) => row.security_id))];
  const actionsStatement = statements.actions(securities);
  const actions: ActionRow[] = await db.query(actionsStatement.text, actionsStatement.values);
  return {
    positions: rows.map((row) => ({
      portfolioId: row.portfolio_id,
      securityId: row.security_id,
      securityType: row.security_type,
      securityName: row.security_name,
      ticker: row.ticker,
      start: { quantity: row.q0, price: row.p0 as string, fxRate: row.x0 as string },
      end: { quantity: row.q1, price: row.p1 as string, fxRate: row.x1 as string },
    })),
    actions: actions.map((action) => ({
      securityId: action.security_id,
      type: action.action_type,
      ratio: action.ratio,
      amount: action.amount,
    })),
  };
}
