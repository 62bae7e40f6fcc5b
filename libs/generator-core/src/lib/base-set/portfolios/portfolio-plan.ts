import type { PortfolioType } from '@securities/vocabulary';
import { IsoDate } from '@securities/market-sim';

/** What a position does between period 1 and period 2. */
export type Lifecycle =
  /** Held on both dates (it may be traded in between). */
  | 'held'
  /** Bought (or sold short) during the period: not held on period 1. */
  | 'new'
  /** Sold out during the period: not held on period 2. */
  | 'closed'
  /** Redeemed at maturity during the period: not held on period 2. */
  | 'matured';

/** Which securities a randomly filled position may hold. */
export type Pool =
  'equity' | 'us-equity' | 'non-us-equity' | 'investment-grade' | 'high-yield-and-crossover';

export type PositionSize = 'normal' | 'opening' | 'option' | 'future' | 'shock';

export interface PositionSlot {
  /** A fixed security (a scenario's), or a pool to draw one from. */
  holds: { securityId: string } | { pool: Pool };
  lifecycle: Lifecycle;
  side: 'long' | 'short';
  size: PositionSize;
  /** Trades in the period; the same for every seed, so the transaction count is too. */
  trades: number;
}

export interface PortfolioPlan {
  portfolioId: string;
  name: string;
  type: PortfolioType;
  benchmark: string;
  inceptionDate: IsoDate;
  slots: PositionSlot[];
}

interface SlotOptions {
  trades?: number;
  lifecycle?: Lifecycle;
  side?: 'long' | 'short';
  size?: PositionSize;
}

/** A named security: a scenario's, or one a portfolio of its kind is sure to hold. */
function named(securityId: string, options: SlotOptions = {}): PositionSlot {
  return {
    holds: { securityId },
    lifecycle: options.lifecycle ?? 'held',
    side: options.side ?? 'long',
    size: options.size ?? 'normal',
    trades: options.trades ?? 0,
  };
}

/**
 * Trades of the randomly filled positions held on both dates, by their order in the portfolio:
 * most positions are traded once or twice in a quarter, some not at all.
 */
const HELD_TRADES_PATTERN = [1, 0, 2, 0, 1];

/** `count` securities drawn from a pool; trades follow HELD_TRADES_PATTERN unless given. */
function drawn(
  pool: Pool,
  count: number,
  options: { lifecycle?: Lifecycle; side?: 'long' | 'short'; trades?: number[] } = {},
): PositionSlot[] {
  const lifecycle = options.lifecycle ?? 'held';
  return Array.from({ length: count }, (_, i) => ({
    holds: { pool },
    lifecycle,
    side: options.side ?? 'long',
    size: lifecycle === 'new' ? 'opening' : 'normal',
    trades: options.trades?.[i] ?? HELD_TRADES_PATTERN[i % HELD_TRADES_PATTERN.length],
  }));
}

/**
 * The seven portfolios and their positions. On period 1: 28 + 20 + 26 + 24 + 14 + 28 + 16 = 156
 * positions; 13 are opened in the period and 2 end (one sold out, one matured): 167 on period 2,
 * 169 positions in all. Scenario positions are named; the rest are drawn from pools per seed.
 */
export const PORTFOLIO_PLANS: readonly PortfolioPlan[] = [
  {
    portfolioId: 'PORT-001',
    name: 'Global Equity Growth',
    type: 'Equity',
    benchmark: 'MSCI World Index',
    inceptionDate: '2015-03-31',
    slots: [
      named('SEC-0011', { size: 'shock' }),
      named('SEC-0003', { trades: 1 }),
      named('SEC-0002'),
      named('SEC-0038'),
      ...drawn('equity', 24),
      ...drawn('equity', 2, { lifecycle: 'new', trades: [2, 1] }),
    ],
  },
  {
    portfolioId: 'PORT-002',
    name: 'US Large Cap Core',
    type: 'Equity',
    benchmark: 'S&P 500 Index',
    inceptionDate: '2012-06-29',
    slots: [
      named('SEC-0007', { size: 'shock' }),
      named('SEC-0003', { trades: 2 }),
      named('SEC-0002', { trades: 1 }),
      named('SEC-0004'),
      named('SEC-0001', { trades: 1 }),
      ...drawn('us-equity', 14),
      ...drawn('us-equity', 1, { lifecycle: 'closed', trades: [2] }),
      ...drawn('us-equity', 2, { lifecycle: 'new', trades: [1, 2] }),
    ],
  },
  {
    portfolioId: 'PORT-003',
    name: 'International Equity Opportunities',
    type: 'Equity',
    benchmark: 'MSCI EAFE Index',
    inceptionDate: '2017-01-31',
    slots: [
      named('SEC-0029', { size: 'shock' }),
      named('SEC-0033'),
      named('SEC-0038', { trades: 1 }),
      named('SEC-0049'),
      ...drawn('non-us-equity', 22),
      ...drawn('non-us-equity', 2, { lifecycle: 'new', trades: [1, 2] }),
    ],
  },
  {
    portfolioId: 'PORT-004',
    name: 'Global Investment Grade Bond',
    type: 'Fixed Income',
    benchmark: 'Bloomberg Global Aggregate Index',
    inceptionDate: '2014-09-30',
    slots: [
      named('SEC-0067', { lifecycle: 'matured' }),
      named('SEC-0068', { trades: 1 }),
      named('SEC-0069'),
      named('SEC-0070'),
      named('SEC-0071'),
      named('SEC-0072'),
      named('SEC-0073'),
      ...drawn('investment-grade', 17),
      ...drawn('investment-grade', 2, { lifecycle: 'new', trades: [1, 2] }),
    ],
  },
  {
    portfolioId: 'PORT-005',
    name: 'Global High Yield Credit',
    type: 'Fixed Income',
    benchmark: 'ICE BofA Global High Yield Index',
    inceptionDate: '2018-04-30',
    slots: [
      ...drawn('high-yield-and-crossover', 14),
      ...drawn('high-yield-and-crossover', 1, { lifecycle: 'new', trades: [2] }),
    ],
  },
  {
    portfolioId: 'PORT-006',
    name: 'Balanced Multi-Asset',
    type: 'Mixed',
    benchmark: '60% MSCI ACWI / 40% Bloomberg Global Aggregate',
    inceptionDate: '2016-07-29',
    slots: [
      named('SEC-0003'),
      named('SEC-0004', { trades: 1 }),
      named('SEC-0069'),
      named('SEC-0070'),
      named('SEC-0118', { trades: 1 }),
      named('SEC-0119'),
      named('SEC-0120', { trades: 1 }),
      ...drawn('equity', 12),
      ...drawn('investment-grade', 9),
      ...drawn('equity', 1, { lifecycle: 'new', trades: [1] }),
      ...drawn('investment-grade', 1, { lifecycle: 'new', trades: [1] }),
    ],
  },
  {
    portfolioId: 'PORT-007',
    name: 'Equity Long/Short',
    type: 'Hedge',
    benchmark: 'ICE BofA US 3-Month Treasury Bill Index',
    inceptionDate: '2019-10-31',
    slots: [
      named('SEC-0102', { size: 'option' }),
      named('SEC-0103', { trades: 1, size: 'option' }),
      named('SEC-0108', { trades: 1, side: 'short', size: 'future' }),
      ...drawn('equity', 9),
      ...drawn('equity', 4, { side: 'short' }),
      ...drawn('equity', 1, { lifecycle: 'new', side: 'short', trades: [2] }),
      named('SEC-0111', { trades: 1, lifecycle: 'new', size: 'future' }),
    ],
  },
];
