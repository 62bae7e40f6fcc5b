import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: closed position', () => {
  it('attributes the sale, valued at the t0 price, to quantity', () => {
    // 300 held at 40 at t0, all sold: Q1 = 0 (t1 price 45 still given). USD.
    // mv_start = 300 * 40          = 12,000.00
    // mv_end   = 0 * 45            =      0.00
    // qty      = (0 - 300) * 40    = -12,000.00
    // price    = 0 * (45 - 40)     =      0.00; fx = corp = 0.00
    const result = attributePosition({
      start: { quantity: '300', price: '40.00', fxRate: '1' },
      end: { quantity: '0', price: '45.00', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '12000.00',
      mvEnd: '0.00',
      priceEffect: '0.00',
      qtyEffect: '-12000.00',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '-12000.00',
    });
  });
});
