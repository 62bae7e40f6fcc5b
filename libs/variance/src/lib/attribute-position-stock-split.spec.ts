import { attributePosition } from '../index';
import { attributionInCents } from '../testing/attribution-in-cents';

describe('attributePosition: stock split', () => {
  it('treats a 4-for-1 split as value-neutral and measures the buy in post-split shares', () => {
    // Q0 = 100 at P0 = 400, 4-for-1 split: Q0a = 400, P0a = 100. Bought 50 more: Q1 = 450 at 110. USD.
    // mv_start = 100 * 400          = 40,000.00
    // mv_end   = 450 * 110          = 49,500.00
    // corp     = (400*100 - 100*400) = 0.00
    // qty      = (450 - 400) * 100  = 5,000.00
    // price    = 450 * (110 - 100)  = 4,500.00
    // fx       = 0.00               total = 9,500.00
    const result = attributePosition({
      start: { quantity: '100', price: '400.00', fxRate: '1' },
      end: { quantity: '450', price: '110.00', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [{ type: 'STOCK_SPLIT', ratio: '4' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '40000.00',
      mvEnd: '49500.00',
      priceEffect: '4500.00',
      qtyEffect: '5000.00',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '9500.00',
    });
  });

  it('handles a 3-for-1 split whose adjusted price does not terminate', () => {
    // Q0 = 100 at P0 = 100, 3-for-1: Q0a = 300, P0a = 33.333... Held 300 at P1 = 35. USD.
    // mv_start = 10,000.00   mv_end = 300 * 35 = 10,500.00
    // qty      = (300 - 300) * 33.333...           = 0.00
    // price    = 300 * (35 - 33.333...) = 10,500 - 10,000 = 500.00
    const result = attributePosition({
      start: { quantity: 100, price: 100, fxRate: 1 },
      end: { quantity: 300, price: 35, fxRate: 1 },
      priceFactor: 1,
      corporateActions: [{ type: 'STOCK_SPLIT', ratio: 3 }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '10000.00',
      mvEnd: '10500.00',
      priceEffect: '500.00',
      qtyEffect: '0.00',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '500.00',
    });
  });

  it('multiplies successive splits in the period', () => {
    // 2-for-1 then 3-for-1: r = 6. Q0 = 10 at 600 -> Q0a = 60 at P0a = 100; held 60 at 100.
    // Nothing moved: every effect is 0.00 and mv stays 6,000.00.
    const result = attributePosition({
      start: { quantity: '10', price: '600', fxRate: '1' },
      end: { quantity: '60', price: '100', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [
        { type: 'STOCK_SPLIT', ratio: '2' },
        { type: 'STOCK_SPLIT', ratio: '3' },
      ],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '6000.00',
      mvEnd: '6000.00',
      priceEffect: '0.00',
      qtyEffect: '0.00',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '0.00',
    });
  });

  it('rounds the quantity effect from its exact value, not from a truncated P0a', () => {
    // Q0 = 1 at P0 = 0.10, 3-for-1: Q0a = 3, P0a = 0.0333... Q1 = 3.45 at P1 = 0.04. USD.
    // qty = (3.45 - 3) * 0.10 / 3 = 0.015 exactly -> 0.02 (half away from zero). From P0a rounded to
    // 50 digits it would be 0.01499...985 -> 0.01.
    // mv_start = 0.10 -> 0.10; mv_end = 3.45 * 0.04 = 0.138 -> 0.14; total = 0.04; price = 0.02.
    const result = attributePosition({
      start: { quantity: '1', price: '0.10', fxRate: '1' },
      end: { quantity: '3.45', price: '0.04', fxRate: '1' },
      priceFactor: '1',
      corporateActions: [{ type: 'STOCK_SPLIT', ratio: '3' }],
    });

    expect(attributionInCents(result)).toEqual({
      mvStart: '0.10',
      mvEnd: '0.14',
      priceEffect: '0.02',
      qtyEffect: '0.02',
      fxEffect: '0.00',
      corpActionEffect: '0.00',
      totalPnl: '0.04',
    });
  });
});
