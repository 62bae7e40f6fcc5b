import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: cash dividend', () => {
  it('takes the cash paid out as corporate-action effect and adds it back into the price move', () => {
    // Q = 1,000 held, P0 = 50 -> P1 = 52, two dividends 0.40 + 0.35: D = 0.75. USD.
    // mv_start = 1,000 * 50                 = 50,000.00
    // mv_end   = 1,000 * 52                 = 52,000.00
    // corp     = -1,000 * 0.75              =   -750.00
    // qty      = (1,000 - 1,000) * 50       =      0.00
    // price    = 1,000 * (52 - 50 + 0.75)   =  2,750.00
    // fx       = 0.00                 total =  2,000.00
    const result = attributePosition({
      start: { quantity: '1000', price: '50.0000', fxRate: '1.000000' },
      end: { quantity: '1000', price: '52.0000', fxRate: '1.000000' },
      priceFactor: '1',
      corporateActions: [
        { type: 'DIVIDEND', amount: '0.40' },
        { type: 'DIVIDEND', amount: '0.35' },
      ],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '50000.00',
      mvEnd: '52000.00',
      priceEffect: '2750.00',
      qtyEffect: '0.00',
      fxEffect: '0.00',
      corpActionEffect: '-750.00',
      totalPnl: '2000.00',
    });
  });

  it('reproduces the README worked example (dividend, buy and FX move on a EUR stock)', () => {
    // Q0 = 1,000 -> Q1 = 1,200, P0 = 80.00 -> P1 = 84.50, D = 1.20, X0 = 1.0350 -> X1 = 1.0800.
    // mv_start = 1,000 * 80 * 1.035                 = 82,800.00
    // mv_end   = 1,200 * 84.50 * 1.08               = 109,512.00
    // corp     = -1,200 * 1.20 * 1.035              = -1,490.40
    // qty      = (1,200 - 1,000) * 80 * 1.035       = 16,560.00
    // price    = 1,200 * (84.50 - 80 + 1.20) * 1.035 = 7,079.40
    // fx       = 1,200 * 84.50 * (1.08 - 1.035)     = 4,563.00
    // total    = 109,512.00 - 82,800.00             = 26,712.00
    const result = attributePosition({
      start: { quantity: '1000', price: '80.00', fxRate: '1.0350' },
      end: { quantity: '1200', price: '84.50', fxRate: '1.0800' },
      priceFactor: '1',
      corporateActions: [{ type: 'DIVIDEND', amount: '1.20' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '82800.00',
      mvEnd: '109512.00',
      priceEffect: '7079.40',
      qtyEffect: '16560.00',
      fxEffect: '4563.00',
      corpActionEffect: '-1490.40',
      totalPnl: '26712.00',
    });
  });
});
