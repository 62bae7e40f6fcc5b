/**
 * The base set's shape, the same for every seed: its two snapshot dates and its row counts. Not
 * coded values: facts the generator guarantees and the scale set and the API build on.
 */

/** The two snapshot dates of the base set: period 1 and period 2. */
export const HOLDING_PERIOD_DATES = { 1: '2024-12-31', 2: '2025-03-31' } as const;
export type HoldingPeriod = keyof typeof HOLDING_PERIOD_DATES;

/** Securities of the base set (SEC-0001..SEC-0120), the same for every seed; the portfolios hold only them. */
export const BASE_SECURITIES = 120;

/** Portfolios of the base set (PORT-001..PORT-007), which the scale set's holdings extend. */
export const BASE_PORTFOLIOS = 7;

/**
 * Positions in the base set's period snapshots, the same for every seed: held on period 1, held on
 * period 2, held on either (the rows of variance_summary), and the trades between the two dates;
 * the most one portfolio holds on either date, and the securities that mature by period 2 (the
 * bond-maturity scenario). The scale set's plan builds on them.
 */
export const BASE_PERIOD_POSITIONS = {
  period1: 156,
  period2: 167,
  either: 169,
  trades: 130,
  mostInOnePortfolio: 30,
  maturedByPeriod2: 1,
} as const;
