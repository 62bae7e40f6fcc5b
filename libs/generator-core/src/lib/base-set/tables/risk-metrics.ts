import type { SecurityType } from '@securities/vocabulary';
import { annualRiskUsd, IsoDate, parametricValueAtRisk } from '@securities/market-sim';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { CsvRow } from '../base-set-tables';
import { measureText, moneyText, nullable } from '../formats';
import { PORTFOLIO_PLANS } from '../portfolios/portfolio-plan';
import { positionRisk, RiskInputs, securityRisk } from '../risk/security-risk';
import { SecurityModel } from '../universe/universe-model';
import { Holding } from './holdings';

const VAR_CONFIDENCE = { var_95: 0.95, var_99: 0.99 } as const;

/**
 * Securities with a row of their own on period 2: the most widely held of each kind, so the table
 * shows betas for shares, durations and convexities for bonds, and some of everything else.
 */
const SECURITY_ROW_QUOTAS: readonly { types: readonly SecurityType[]; count: number }[] = [
  { types: ['EQUITY'], count: 30 },
  { types: ['BOND', 'CLO', 'ABS'], count: 25 },
  { types: ['OPTION', 'FUTURE', 'ETF', 'FUND'], count: 5 },
];

interface RiskRow {
  securityId: string | null;
  portfolioId: string | null;
  var95: number | null;
  var99: number | null;
  beta: number | null;
  duration: number | null;
  convexity: number | null;
  volatility: number;
  asOfDate: IsoDate;
}

/** Value-weighted average of a measure over the holdings that have it; null if none has. */
function weighted(
  items: readonly { value: number; measure: number | null }[],
  nav: number,
): number | null {
  const measured = items.filter((item) => item.measure !== null);
  if (measured.length === 0) return null;
  return measured.reduce((sum, item) => sum + (item.value / nav) * (item.measure ?? 0), 0);
}

/** One-day VaR and volatility of each portfolio on a date, with its beta and duration where it has shares or bonds. */
function portfolioRisk(holdings: readonly Holding[], date: IsoDate, inputs: RiskInputs): RiskRow[] {
  return PORTFOLIO_PLANS.map(({ portfolioId }) => {
    const items = holdings
      .filter((holding) => holding.position.portfolioId === portfolioId)
      .map((holding) => {
        const { security } = holding.position;
        const risk = securityRisk(security, date, inputs);
        const value = holding.marketValue.toNumber();
        return { security, risk, value };
      });
    const nav = items.reduce((sum, item) => sum + item.value, 0);
    const annualRisk = annualRiskUsd(
      items.map((item) => positionRisk(item.security, item.risk, item.value)),
    );
    return {
      securityId: null,
      portfolioId,
      var95: parametricValueAtRisk(annualRisk, VAR_CONFIDENCE.var_95),
      var99: parametricValueAtRisk(annualRisk, VAR_CONFIDENCE.var_99),
      beta: weighted(
        items.map((item) => ({ value: item.value, measure: item.risk.beta })),
        nav,
      ),
      duration: weighted(
        items.map((item) => ({ value: item.value, measure: item.risk.duration })),
        nav,
      ),
      convexity: weighted(
        items.map((item) => ({ value: item.value, measure: item.risk.convexity })),
        nav,
      ),
      volatility: annualRisk / Math.abs(nav),
      asOfDate: date,
    };
  });
}

/** Beta, duration, convexity and volatility of the most widely held securities on period 2. */
function securityRiskRows(holdings: readonly Holding[], inputs: RiskInputs): RiskRow[] {
  const exposure = new Map<string, { security: SecurityModel; grossUsd: number }>();
  for (const holding of holdings) {
    const { security } = holding.position;
    const entry = exposure.get(security.securityId) ?? { security, grossUsd: 0 };
    entry.grossUsd += Math.abs(holding.marketValue.toNumber());
    exposure.set(security.securityId, entry);
  }
  const chosen = SECURITY_ROW_QUOTAS.flatMap(({ types, count }) => {
    const candidates = [...exposure.values()]
      .filter(({ security }) => types.includes(security.type))
      .sort(
        (a, b) =>
          b.grossUsd - a.grossUsd || a.security.securityId.localeCompare(b.security.securityId),
      );
    if (candidates.length < count)
      throw new Error(
        `only ${candidates.length} ${types.join('/')} held on ${PERIOD_2}, need ${count}`,
      );
    return candidates.slice(0, count).map(({ security }) => security);
  }).sort((a, b) => a.securityId.localeCompare(b.securityId));

  return chosen.map((security) => {
    const risk = securityRisk(security, PERIOD_2, inputs);
    return {
      securityId: security.securityId,
      portfolioId: null,
      var95: null,
      var99: null,
      beta: risk.beta,
      duration: risk.duration,
      convexity: risk.convexity,
      volatility: risk.volatility,
      asOfDate: PERIOD_2,
    };
  });
}

export function riskMetricRows(
  holdings1: readonly Holding[],
  holdings2: readonly Holding[],
  inputs: RiskInputs,
): CsvRow[] {
  const rows = [
    ...portfolioRisk(holdings1, PERIOD_1, inputs),
    ...portfolioRisk(holdings2, PERIOD_2, inputs),
    ...securityRiskRows(holdings2, inputs),
  ];
  return rows.map((row, i) => ({
    metric_id: String(i + 1),
    security_id: row.securityId,
    portfolio_id: row.portfolioId,
    var_95: nullable(row.var95, moneyText),
    var_99: nullable(row.var99, moneyText),
    beta: nullable(row.beta, measureText),
    duration: nullable(row.duration, measureText),
    convexity: nullable(row.convexity, measureText),
    volatility: measureText(row.volatility),
    as_of_date: row.asOfDate,
  }));
}
