import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: FX move', () => {
  it('measures the price move at the t0 rate and the FX move at the t1 price', () => {
    // JPY stock, 10,000 held, P0 = 2,500 -> P1 = 2,600 yen, X0 = 0.0065 -> X1 = 0.0068 USD per yen.
    // mv_start = 10,000 * 2,500 * 0.0065            = 162,500.00
    // mv_end   = 10,000 * 2,600 * 0.0068            = 176,800.00
    // price    = 10,000 * (2,600 - 2,500) * 0.0065  =   6,500.00
    // fx       = 10,000 * 2,600 * (0.0068 - 0.0065) =   7,800.00
    // qty = corp = 0.00                       total =  14,300.00
    const result = attributePosition({
      start: { quantity: '10000', price: '2500', fxRate: '0.006500' },
      end: { quantity: '10000', price: '2600', fxRate: '0.006800' },
      priceFactor: '1',
      corporateActions: [],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '162500.00',
      mvEnd: '176800.00',
      priceEffect: '6500.00',
      qtyEffect: '0.00',
      fxEffect: '7800.00',
      corpActionEffect: '0.00',
      totalPnl: '14300.00',
    });
  });
});
