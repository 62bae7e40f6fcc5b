import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: price and quantity', () => {
  it('values the quantity change at the old price and the price change on the new quantity', () => {
    // Q0 = 1,000 -> Q1 = 1,200, P0 = 25.40 -> P1 = 27.15. USD.
    // mv_start = 1,000 * 25.40           = 25,400.00
    // mv_end   = 1,200 * 27.15           = 32,580.00
    // qty      = (1,200 - 1,000) * 25.40 =  5,080.00
    // price    = 1,200 * (27.15 - 25.40) =  2,100.00
    // fx = corp = 0.00             total =  7,180.00
    const result = attributePosition({
      start: { quantity: '1000', price: '25.40', fxRate: '1' },
      end: { quantity: '1200', price: '27.15', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '25400.00',
      mvEnd: '32580.00',
      priceEffect: '2100.00',
      qtyEffect: '5080.00',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '7180.00',
    });
  });
});
