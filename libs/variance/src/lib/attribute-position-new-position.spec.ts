import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: new position', () => {
  it('values the purchase at the t0 price and FX, the rest of the move being price and FX', () => {
    // EUR stock not held at t0 (Q0 = 0, P0 = 20, X0 = 1.05); 250 held at t1 at 22 with X1 = 1.10.
    // mv_start = 0.00
    // mv_end   = 250 * 22 * 1.10          = 6,050.00
    // qty      = (250 - 0) * 20 * 1.05    = 5,250.00
    // price    = 250 * (22 - 20) * 1.05   =   525.00
    // fx       = 250 * 22 * (1.10 - 1.05) =   275.00
    // corp     = 0.00               total = 6,050.00
    const result = attributePosition({
      start: { quantity: '0', price: '20.00', fxRate: '1.05' },
      end: { quantity: '250', price: '22.00', fxRate: '1.10' },
      priceFactor: '1',
      corporateActions: [],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '0.00',
      mvEnd: '6050.00',
      priceEffect: '525.00',
      qtyEffect: '5250.00',
      fxEffect: '275.00',
      corpActionEffect: '0.00',
      totalPnl: '6050.00',
    });
  });
});
