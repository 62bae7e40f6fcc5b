import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: rounding residual', () => {
  it('puts the cent lost to rounding into the price effect so the row still adds up', () => {
    // Q0 = 101 -> Q1 = 103, P0 = 7.333 -> P1 = 7.777, X0 = 1.0833 -> X1 = 1.0911, f = 1.
    // mv_start = 101 * 7.333 * 1.0833           = 802.3277289 -> 802.33
    // mv_end   = 103 * 7.777 * 1.0911           = 874.0049241 -> 874.00   total = 71.67
    // qty      = 2 * 7.333 * 1.0833             =  15.8876778 ->  15.89
    // fx       = 103 * 7.777 * 0.0078           =   6.2480418 ->   6.25
    // price    = 103 * (7.777 - 7.333) * 1.0833 =  49.5414756 ->  49.54
    // 15.89 + 6.25 + 49.54 = 71.68, one cent over 71.67: price takes the -0.01 residual -> 49.53.
    const result = attributePosition({
      start: { quantity: '101', price: '7.333', fxRate: '1.0833' },
      end: { quantity: '103', price: '7.777', fxRate: '1.0911' },
      priceFactor: '1',
      corporateActions: [],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '802.33',
      mvEnd: '874.00',
      priceEffect: '49.53',
      qtyEffect: '15.89',
      fxEffect: '6.25',
      corpActionEffect: '0.00',
      totalPnl: '71.67',
    });
  });
});
