import {
  attributePosition,
  CorporateAction,
  corporateActionOf,
  toCents,
} from '@securities/variance';
import { priceFactorOf } from '@securities/vocabulary';
import { DataSource } from 'typeorm';
import { scaleLedger } from '../ledger/scale-ledger';
import { copyText, inCopyTransaction } from './copy-text';
import { HoldingsLayout } from './holdings-layout';

export const VARIANCE_PHASE = 'variance';

interface PositionRecord {
  portfolio_id: string;
  security_id: string;
  security_type: string;
  q0: string;
  q1: string;
  p0: string;
  p1: string;
  x0: string;
  x1: string;
}

interface ActionRecord {
  security_id: string;
  action_type: CorporateAction['type'];
  ratio: string | null;
  amount: string | null;
}

/** Every position held on either date of a quarter, with quantity, close and FX on both dates. */
const QUARTER_POSITIONS_SQL = `
  WITH held AS (
    SELECT DISTINCT portfolio_id, security_id FROM holdings_history WHERE as_of_date IN ($1, $2)
  )
  SELECT h.portfolio_id, h.security_id, m.security_type,
         coalesce(a.quantity, 0)::text AS q0, coalesce(b.quantity, 0)::text AS q1,
         p0.close_price::text AS p0, p1.close_price::text AS p1,
         CASE WHEN m.currency = 'USD' THEN '1' ELSE x0.rate::text END AS x0,
         CASE WHEN m.currency = 'USD' THEN '1' ELSE x1.rate::text END AS x1
  FROM held h
  JOIN securities_master m USING (security_id)
  LEFT JOIN holdings_history a ON (a.portfolio_id, a.security_id, a.as_of_date) = (h.portfolio_id, h.security_id, $1)
  LEFT JOIN holdings_history b ON (b.portfolio_id, b.security_id, b.as_of_date) = (h.portfolio_id, h.security_id, $2)
  JOIN pricing_history p0 ON (p0.security_id, p0.price_date) = (h.security_id, $1)
  JOIN pricing_history p1 ON (p1.security_id, p1.price_date) = (h.security_id, $2)
  LEFT JOIN fx_rates x0 ON (x0.from_currency, x0.to_currency, x0.rate_date) = (m.currency, 'USD', $1)
  LEFT JOIN fx_rates x1 ON (x1.from_currency, x1.to_currency, x1.rate_date) = (m.currency, 'USD', $2)
  ORDER BY h.portfolio_id, h.security_id`;

/**
 * variance_quarterly: each quarter's positions attributed by the variance library from exactly what
 * holdings_history, pricing_history, fx_rates and corporate_actions hold, as variance_summary is for
 * the base set's quarter (whose rows therefore come out equal to it).
 */
export async function writeVarianceQuarterly(
  dataSource: DataSource,
  key: string,
  layout: HoldingsLayout,
): Promise<number> {
  return inCopyTransaction(dataSource, async (runner, client) => {
    const lines: string[] = [];
    for (const quarter of layout.quarters) {
      const from = layout.days[quarter.start];
      const to = layout.days[quarter.end];
      const positions = (await runner.query(QUARTER_POSITIONS_SQL, [from, to])) as PositionRecord[];
      const actions = (await runner.query(
        `SELECT security_id, action_type, ratio::text, amount::text FROM corporate_actions
         WHERE ex_date > $1 AND ex_date <= $2 ORDER BY ex_date, action_id`,
        [from, to],
      )) as ActionRecord[];
      for (const position of positions) {
        const attribution = attributePosition({
          start: { quantity: position.q0, price: position.p0, fxRate: position.x0 },
          end: { quantity: position.q1, price: position.p1, fxRate: position.x1 },
          priceFactor: priceFactorOf(position.security_type),
          corporateActions: actions
            .filter((action) => action.security_id === position.security_id)
            .map((action) => corporateActionOf(action.action_type, action.ratio, action.amount)),
        });
        lines.push(
          [
            position.portfolio_id,
            position.security_id,
            quarter.label,
            from,
            to,
            toCents(attribution.mvStart),
            toCents(attribution.mvEnd),
            toCents(attribution.priceEffect),
            toCents(attribution.qtyEffect),
            toCents(attribution.fxEffect),
            toCents(attribution.corpActionEffect),
            toCents(attribution.totalPnl),
          ].join('\t'),
        );
      }
    }
    if (lines.length !== layout.varianceRows) {
      throw new Error(
        `variance_quarterly: ${lines.length} rows computed, ${layout.varianceRows} planned`,
      );
    }
    await copyText(
      client,
      `COPY variance_quarterly (portfolio_id, security_id, quarter_label, period_from, period_to, mv_start, mv_end,
         price_effect, qty_effect, fx_effect, corp_action_effect, total_pnl) FROM STDIN`,
      lines,
    );
    await scaleLedger.markStep(runner, key, VARIANCE_PHASE, 'all', lines.length);
    return lines.length;
  });
}
