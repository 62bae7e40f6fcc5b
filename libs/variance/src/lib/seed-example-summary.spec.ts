import Decimal from 'decimal.js';
import { attributePosition, summarisePortfolio, toCents } from '../index';

// The seed's GET /api/variance/portfolio/PORT-001 example summary.
const SEED_SUMMARY = {
  totalMvStart: '125000000.00',
  totalMvEnd: '131500000.00',
  totalPriceEffect: '4200000.00',
  totalQtyEffect: '1100000.00',
  totalFxEffect: '-300000.00',
  totalCorpActionEffect: '1500000.00',
  totalPnl: '6500000.00',
};

describe("the seed's example variance summary", () => {
  it('satisfies the identity: mv_end - mv_start = sum of the effects = total_pnl', () => {
    const amount = (name: keyof typeof SEED_SUMMARY) => new Decimal(SEED_SUMMARY[name]);
    const change = amount('totalMvEnd').minus(amount('totalMvStart'));
    const sumOfEffects = amount('totalPriceEffect')
      .plus(amount('totalQtyEffect'))
      .plus(amount('totalFxEffect'))
      .plus(amount('totalCorpActionEffect'));

    // 131.5M - 125.0M = 6.5M = 4.2M + 1.1M - 0.3M + 1.5M
    expect(change.equals(amount('totalPnl'))).toBe(true);
    expect(sumOfEffects.equals(amount('totalPnl'))).toBe(true);
  });

  it('is reproduced exactly by summing four attributed positions', () => {
    // A formula-driven positive corporate-action effect comes from a short that owes a dividend
    // (or a short that matures); a long-only book only ever has corp <= 0.
    const rows = [
      // EUR stock, FX only: 1,000,000 * 30 * (1.09 - 1.10) = -300,000; 33.0M -> 32.7M.
      attributePosition({
        start: { quantity: '1000000', price: '30', fxRate: '1.10' },
        end: { quantity: '1000000', price: '30', fxRate: '1.09' },
        priceFactor: '1',
        corporateActions: [],
      }),
      // Short 1,000,000 owing a 1.50 dividend; ex-dividend drop 20 -> 18.50.
      // corp = -(-1,000,000) * 1.50 = +1,500,000; price = -1,000,000 * (18.50 - 20 + 1.50) = 0;
      // -20.0M -> -18.5M.
      attributePosition({
        start: { quantity: '-1000000', price: '20', fxRate: '1' },
        end: { quantity: '-1000000', price: '18.50', fxRate: '1' },
        priceFactor: '1',
        corporateActions: [{ type: 'DIVIDEND', amount: '1.50' }],
      }),
      // Price only: 1,400,000 * (43 - 40) = 4,200,000; 56.0M -> 60.2M.
      attributePosition({
        start: { quantity: '1400000', price: '40', fxRate: '1' },
        end: { quantity: '1400000', price: '43', fxRate: '1' },
        priceFactor: '1',
        corporateActions: [],
      }),
      // Quantity only: (1,142,000 - 1,120,000) * 50 = 1,100,000; 56.0M -> 57.1M.
      attributePosition({
        start: { quantity: '1120000', price: '50', fxRate: '1' },
        end: { quantity: '1142000', price: '50', fxRate: '1' },
        priceFactor: '1',
        corporateActions: [],
      }),
    ];
    // mv_start: 33.0 - 20.0 + 56.0 + 56.0 = 125.0M; mv_end: 32.7 - 18.5 + 60.2 + 57.1 = 131.5M.

    const summary = summarisePortfolio(rows);

    expect({
      totalMvStart: toCents(summary.totalMvStart),
      totalMvEnd: toCents(summary.totalMvEnd),
      totalPriceEffect: toCents(summary.totalPriceEffect),
      totalQtyEffect: toCents(summary.totalQtyEffect),
      totalFxEffect: toCents(summary.totalFxEffect),
      totalCorpActionEffect: toCents(summary.totalCorpActionEffect),
      totalPnl: toCents(summary.totalPnl),
    }).toEqual(SEED_SUMMARY);
  });
});
