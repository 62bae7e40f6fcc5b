import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: bond coupon', () => {
  it('reads the coupon per 100 nominal, scaled by the 0.01 price factor like the price', () => {
    // GBP bond, 1,000,000 nominal, f = 0.01, P0 = 98.50 -> P1 = 99.10, coupon 2.50 per 100,
    // X0 = X1 = 1.25.
    // mv_start = 1,000,000 * 98.50 * 0.01 * 1.25              = 1,231,250.00
    // mv_end   = 1,000,000 * 99.10 * 0.01 * 1.25              = 1,238,750.00
    // corp     = -1,000,000 * 2.50 * 0.01 * 1.25              =   -31,250.00
    // price    = 1,000,000 * (99.10 - 98.50 + 2.50) * 0.01 * 1.25 = 38,750.00
    // qty = fx = 0.00                                   total =     7,500.00
    const result = attributePosition({
      start: { quantity: '1000000', price: '98.5000', fxRate: '1.250000' },
      end: { quantity: '1000000', price: '99.1000', fxRate: '1.250000' },
      priceFactor: '0.01',
      corporateActions: [{ type: 'COUPON', amount: '2.50' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '1231250.00',
      mvEnd: '1238750.00',
      priceEffect: '38750.00',
      qtyEffect: '0.00',
      fxEffect: '0.00',
      corpActionEffect: '-31250.00',
      totalPnl: '7500.00',
    });
  });
});
