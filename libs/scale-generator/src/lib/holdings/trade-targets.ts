import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { SCALE_PROFILES, SEED_SCALE_COUNTS, tradingDays } from '../profiles/scale-profiles';
import { HoldingsLayout, layoutHoldings } from './holdings-layout';

/** Base holdings on a day strictly between the period dates, for estimates (they hold 156..169). */
const BASE_HELD_BETWEEN_PERIODS = Math.round(
  (BASE_PERIOD_POSITIONS.period1 + BASE_PERIOD_POSITIONS.period2) / 2,
);

/**
 * Expected holdings rows of base positions: they are bought on random days of the quarter before
 * period 1, then follow the base set's own trades, and stay as on period 2 after it.
 */
export function expectedBaseRows(layout: HoldingsLayout): number {
  const { days, period1, period2 } = layout;
  if (layout.baseHeldAfterPeriod2) return days.length * BASE_PERIOD_POSITIONS.period2;
  if (period1 < 0) return 0;
  let rows = 0;
  const opening = layout.quarters.find((quarter) => quarter.end === period1);
  if (opening) {
    // Bought on one of the days strictly between the quarter's start and period 1.
    const span = period1 - opening.start - 1;
    for (let i = opening.start + 1; i < period1; i++) {
      rows += (BASE_PERIOD_POSITIONS.period1 * (i - opening.start)) / span;
    }
  }
  for (let i = period1; i < days.length; i++) {
    if (i === period1) rows += BASE_PERIOD_POSITIONS.period1;
    else if (period2 < 0 || i < period2) rows += BASE_HELD_BETWEEN_PERIODS;
    else rows += BASE_PERIOD_POSITIONS.period2;
  }
  return Math.round(rows);
}

let tradesPerBookRow: number | undefined;

/**
 * Trades per trading-book holding row, set so that the full profile's transactions table holds the
 * seed's count (786,091, the base set's 130 included): about 0.76, so most book positions trade
 * most days, as the seed's ~50 trades per security per year imply.
 */
function tradesPerBookHolding(): number {
  if (tradesPerBookRow === undefined) {
    const full = layoutHoldings(tradingDays(SCALE_PROFILES.full), SCALE_PROFILES.full);
    tradesPerBookRow =
      (SEED_SCALE_COUNTS.transactions - BASE_PERIOD_POSITIONS.trades) /
      (full.holdingRows - expectedBaseRows(full));
  }
  return tradesPerBookRow;
}

/**
 * The transactions a run writes beside the base set's own, decided from the layout before any data
 * exists: the trading-book rows it expects (every holding that is not a base position's) times the
 * trades per book row. The run draws exactly this many (see writeHoldings), so `--plan` states it
 * and a run's count is checked against it.
 */
export function plannedTransactions(layout: HoldingsLayout): number {
  return Math.round(tradesPerBookHolding() * (layout.holdingRows - expectedBaseRows(layout)));
}
