import Decimal from 'decimal.js';
import { PortfolioVarianceSummary, PositionAttribution } from './attribution.types';
import { ZERO } from './exact-decimal';

function sumOf(
  rows: readonly PositionAttribution[],
  amount: (row: PositionAttribution) => Decimal,
): Decimal {
  return rows.reduce((total, row) => total.plus(amount(row)), ZERO);
}

/**
 * Portfolio totals as plain sums of the rows. Rows are already in cents, so the sums are exact and
 * the row identity carries over: totalMvEnd - totalMvStart = sum of the effects = totalPnl.
 */
export function summarisePortfolio(rows: readonly PositionAttribution[]): PortfolioVarianceSummary {
  return {
    totalMvStart: sumOf(rows, (row) => row.mvStart),
    totalMvEnd: sumOf(rows, (row) => row.mvEnd),
    totalPriceEffect: sumOf(rows, (row) => row.priceEffect),
    totalQtyEffect: sumOf(rows, (row) => row.qtyEffect),
    totalFxEffect: sumOf(rows, (row) => row.fxEffect),
    totalCorpActionEffect: sumOf(rows, (row) => row.corpActionEffect),
    totalPnl: sumOf(rows, (row) => row.totalPnl),
  };
}
