import { PERIOD_1, PERIOD_2 } from './base-set-counts';
import { BaseSetTables } from './base-set-tables';
import { buildRatingHistory } from './market/credit-history';
import { simulateMarket } from './market/simulate-market';
import { buildPositions, sizeShockPositions } from './portfolios/build-positions';
import { buildHoldings, holdingRows } from './tables/holdings';
import { pricingRows } from './tables/pricing';
import {
  corporateActionRows,
  creditRatingRows,
  fxRateRows,
  issuerRows,
  portfolioRows,
  securityRows,
} from './tables/reference-tables';
import { riskMetricRows } from './tables/risk-metrics';
import { transactionRows } from './tables/transactions';
import { varianceSummaryRows } from './tables/variance-summary';
import { buildUniverse } from './universe/build-universe';
import { attributePositions } from './variance/attribute-positions';

/**
 * The whole base set for a seed, every table's rows ready to write: a pure function of the seed.
 * The universe comes first, then its ratings and market, then the portfolios that hold it; the
 * derived tables (holdings, variance, risk) are computed from exactly what the others store.
 */
export function buildBaseSet(seed: number): BaseSetTables {
  const universe = buildUniverse(seed);
  const ratings = buildRatingHistory(seed, universe.ratedIssuers);
  const market = simulateMarket(seed, universe, ratings);

  const unsized = buildPositions(seed, universe, ratings, market);
  const largestOtherPnl = attributePositions(
    unsized.filter((position) => position.size !== 'shock'),
    market,
  ).reduce(
    (largest, { attribution }) => Math.max(largest, attribution.totalPnl.abs().toNumber()),
    0,
  );
  const positions = sizeShockPositions(unsized, market, largestOtherPnl, seed);

  const holdings1 = buildHoldings(positions, market, PERIOD_1);
  const holdings2 = buildHoldings(positions, market, PERIOD_2);
  const securities = new Map(
    universe.securities.map((security) => [security.securityId, security]),
  );

  return {
    issuer: issuerRows(universe.issuers),
    securities_master: securityRows(universe.securities),
    portfolio: portfolioRows(),
    holdings_period_1: holdingRows(holdings1),
    holdings_period_2: holdingRows(holdings2),
    pricing_period_1: pricingRows(universe.securities, market, PERIOD_1, seed),
    pricing_period_2: pricingRows(universe.securities, market, PERIOD_2, seed),
    transactions: transactionRows(positions),
    fx_rates: fxRateRows(market),
    credit_ratings: creditRatingRows(ratings),
    corporate_actions: corporateActionRows(market),
    risk_metrics: riskMetricRows(holdings1, holdings2, { market, ratings, securities }),
    variance_summary: varianceSummaryRows(attributePositions(positions, market)),
  };
}
