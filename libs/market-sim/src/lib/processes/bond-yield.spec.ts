import { bondYield, riskFreeYield } from './bond-yield';

describe('bond yields', () => {
  it('runs the risk-free curve from its short end to its long end', () => {
    expect(riskFreeYield('USD', 0)).toBeCloseTo(0.043, 3);
    expect(riskFreeYield('USD', 30)).toBeCloseTo(0.046, 3);
    expect(riskFreeYield('JPY', 1)).toBeLessThan(riskFreeYield('JPY', 10));
    expect(riskFreeYield('EUR', 5, 0.001)).toBeCloseTo(riskFreeYield('EUR', 5) + 0.001, 12);
  });

  it('adds the rating spread and anything specific', () => {
    const base = { currency: 'USD' as const, yearsToMaturity: 7 };
    expect(bondYield({ ...base, ratingNotch: 0 })).toBeCloseTo(riskFreeYield('USD', 7) + 0.003, 12);
    expect(bondYield({ ...base, ratingNotch: 11, extraSpread: 0.01 })).toBeCloseTo(
      riskFreeYield('USD', 7) + 0.035,
      12,
    );
  });
});
