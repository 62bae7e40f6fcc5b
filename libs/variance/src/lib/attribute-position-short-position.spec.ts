import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: short position', () => {
  it('gains on a price fall, pays the dividend back as a positive corporate-action effect', () => {
    // Short 200 at 150, 50 bought back: Q1 = -150 at 140; dividend D = 1.00 owed on the short. USD.
    // mv_start = -200 * 150                = -30,000.00
    // mv_end   = -150 * 140                = -21,000.00
    // corp     = -(-150) * 1.00            =     150.00
    // qty      = (-150 - (-200)) * 150     =   7,500.00
    // price    = -150 * (140 - 150 + 1.00) =   1,350.00
    // fx       = 0.00                total =   9,000.00
    const result = attributePosition({
      start: { quantity: '-200', price: '150.00', fxRate: '1' },
      end: { quantity: '-150', price: '140.00', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [{ type: 'DIVIDEND', amount: '1.00' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '-30000.00',
      mvEnd: '-21000.00',
      priceEffect: '1350.00',
      qtyEffect: '7500.00',
      fxEffect: '0.00',
      corpActionEffect: '150.00',
      totalPnl: '9000.00',
    });
  });
});
