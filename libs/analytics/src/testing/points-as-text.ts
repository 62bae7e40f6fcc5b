import { PerformancePoint } from '../lib/performance/performance.types';

/** A point with money as cent strings and returns as plain decimals, for hand-computed expectations. */
export function pointsAsText(points: readonly PerformancePoint[]) {
  return points.map((point) => ({
    date: point.date,
    marketValue: point.marketValue.toFixed(2),
    netFlows: point.netFlows.toFixed(2),
    income: point.income.toFixed(2),
    pnl: point.pnl.toFixed(2),
    periodReturn: point.periodReturn?.toString() ?? null,
    cumulativeReturn: point.cumulativeReturn?.toString() ?? null,
  }));
}
