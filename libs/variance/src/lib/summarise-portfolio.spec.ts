import { attributePosition, summarisePortfolio, toCents } from '../index';

function inCents<T extends object>(amounts: T): Record<keyof T, string> {
  return Object.fromEntries(
    Object.entries(amounts).map(([name, amount]) => [name, toCents(amount)]),
  ) as Record<keyof T, string>;
}

describe('summarisePortfolio', () => {
  it('adds each amount over the rows', () => {
    // Row A (price and quantity): 25,400.00 -> 32,580.00; price 2,100.00, qty 5,080.00.
    // Row B (JPY FX move):       162,500.00 -> 176,800.00; price 6,500.00, fx 7,800.00.
    // Row C (dividend):           50,000.00 -> 52,000.00; price 2,750.00, corp -750.00.
    const rows = [
      attributePosition({
        start: { quantity: '1000', price: '25.40', fxRate: '1' },
        end: { quantity: '1200', price: '27.15', fxRate: '1' },
        priceFactor: '1',
        corporateActions: [],
      }),
      attributePosition({
        start: { quantity: '10000', price: '2500', fxRate: '0.0065' },
        end: { quantity: '10000', price: '2600', fxRate: '0.0068' },
        priceFactor: '1',
        corporateActions: [],
      }),
      attributePosition({
        start: { quantity: '1000', price: '50', fxRate: '1' },
        end: { quantity: '1000', price: '52', fxRate: '1' },
        priceFactor: '1',
        corporateActions: [{ type: 'DIVIDEND', amount: '0.75' }],
      }),
    ];

    expect(inCents(summarisePortfolio(rows))).toEqual({
      totalMvStart: '237900.00', // 25,400 + 162,500 + 50,000
      totalMvEnd: '261380.00', // 32,580 + 176,800 + 52,000
      totalPriceEffect: '11350.00', // 2,100 + 6,500 + 2,750
      totalQtyEffect: '5080.00',
      totalFxEffect: '7800.00',
      totalCorpActionEffect: '-750.00',
      totalPnl: '23480.00', // 7,180 + 14,300 + 2,000
    });
  });

  it('gives zero totals for a portfolio with no rows', () => {
    expect(inCents(summarisePortfolio([]))).toEqual({
      totalMvStart: '0.00',
      totalMvEnd: '0.00',
      totalPriceEffect: '0.00',
      totalQtyEffect: '0.00',
      totalFxEffect: '0.00',
      totalCorpActionEffect: '0.00',
      totalPnl: '0.00',
    });
  });
});
