import { CurrencyCode } from '@securities/market-sim';

export interface PriceShock {
  securityId: string;
  /** The portfolio holding it in large size. */
  portfolioId: string;
  /** Range of the total move over the period (0.7 = +70%). */
  move: readonly [number, number];
}

/**
 * Stocks with news in the period, a jump on one day and a set total move; held in large size so
 * that their rows top the movers list by |total_pnl|.
 */
const PRICE_SHOCKS: readonly PriceShock[] = [
  { securityId: 'SEC-0007', portfolioId: 'PORT-002', move: [0.65, 0.85] },
  { securityId: 'SEC-0011', portfolioId: 'PORT-001', move: [-0.6, -0.5] },
  { securityId: 'SEC-0029', portfolioId: 'PORT-003', move: [-0.55, -0.45] },
];

/**
 * Where each variance scenario of the base set lives. The ids are the same for every seed, so a
 * reader (or a test) can go straight to them; the seed only changes the numbers around them.
 */
export const SCENARIOS = {
  /** A 4-for-1 split with its ex-date in the period, on a high-priced US technology stock. */
  stockSplit: { securityId: 'SEC-0003', ratio: 4 },
  /** Cash dividends going ex in the period: two US payers, a UK, a Japanese and an Australian one. */
  dividendPayers: ['SEC-0002', 'SEC-0004', 'SEC-0033', 'SEC-0038', 'SEC-0049'],
  /** A US bond maturing in the period: its last coupon, then redemption at par; status MATURED. */
  maturingBond: { securityId: 'SEC-0067', portfolioId: 'PORT-004' },
  /** The two bonds of the issuer cut from BBB to BB in the period: their prices drop. */
  downgrade: { bondIds: ['SEC-0068', 'SEC-0069'], notches: 3, extraSpreadWidening: 0.012 },
  /** Bonds whose coupon dates fall in the period (the maturing bond pays one more). */
  couponBonds: ['SEC-0070', 'SEC-0071', 'SEC-0072', 'SEC-0073'],
  priceShocks: PRICE_SHOCKS,
  /** Currencies that move materially against USD over the period, by this much either way. */
  fxMoves: {
    currencies: ['EUR', 'GBP', 'JPY'] as readonly CurrencyCode[],
    size: [0.035, 0.06] as readonly [number, number],
  },
  /** The portfolio that sells one of its positions out entirely during the period. */
  closedBySale: { portfolioId: 'PORT-002' },
} as const;

/** Securities kept out of the randomly filled positions, so their scenario stays as described. */
export const SCENARIO_ONLY_SECURITIES: readonly string[] = [
  SCENARIOS.maturingBond.securityId,
  ...SCENARIOS.priceShocks.map((shock) => shock.securityId),
];
