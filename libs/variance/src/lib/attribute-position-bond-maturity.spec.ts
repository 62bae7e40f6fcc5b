import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: bond maturity', () => {
  it('attributes the whole change to the corporate action when the bond matures', () => {
    // EUR bond, 500,000 nominal at 99.80, f = 0.01, X0 = 1.08; a last coupon, then redeemed at par
    // (Q1 = 0, P1 = 100, X1 = 1.10).
    // mv_start = 500,000 * 99.80 * 0.01 * 1.08 = 538,920.00
    // mv_end   = 0 * 100 * 0.01 * 1.10          =       0.00
    // corp     = mv_end - mv_start              = -538,920.00; price = qty = fx = 0.00
    const result = attributePosition({
      start: { quantity: '500000', price: '99.80', fxRate: '1.08' },
      end: { quantity: '0', price: '100.00', fxRate: '1.10' },
      priceFactor: '0.01',
      corporateActions: [{ type: 'COUPON', amount: '2.00' }, { type: 'MATURITY' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '538920.00',
      mvEnd: '0.00',
      priceEffect: '0.00',
      qtyEffect: '0.00',
      fxEffect: '0.00',
      corpActionEffect: '-538920.00',
      totalPnl: '-538920.00',
    });
  });
});
