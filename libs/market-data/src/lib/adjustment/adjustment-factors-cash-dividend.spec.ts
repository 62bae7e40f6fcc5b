import { actionFactors, adjustmentSchedule, factorsOn } from './adjustment-factors';

const dividend = (amount: string, close: string | null, exDate = '2025-01-30') =>
  actionFactors({
    actionId: 1,
    actionType: 'DIVIDEND',
    exDate,
    ratio: null,
    amount,
    previousClose: close === null ? null : { date: '2025-01-29', close },
  });

describe('a cash dividend', () => {
  it('multiplies earlier prices by 1 - dividend / previous close', () => {
    // 1.15 on a close of 115.00: 1 - 0.01.
    expect(dividend('1.150000', '115.000000').dividendFactor.toString()).toBe('0.99');
    // 0.51 on 87.43: 1 - 0.005833238019 (12 decimals, half up) = 0.994166761981.
    expect(dividend('0.510000', '87.430000').dividendFactor.toString()).toBe('0.994166761981');
  });

  it('leaves volumes and split factors alone', () => {
    const factors = dividend('1.15', '115');
    expect(factors.splitFactor.toString()).toBe('1');
    expect(factors.volumeFactor.toString()).toBe('1');
  });

  it('applies under dividend and all, not under split', () => {
    const factors = dividend('1.15', '115');
    expect(
      factorsOn(adjustmentSchedule([factors], 'dividend'), '2025-01-29').price.toString(),
    ).toBe('0.99');
    expect(factorsOn(adjustmentSchedule([factors], 'all'), '2025-01-29').price.toString()).toBe(
      '0.99',
    );
    expect(adjustmentSchedule([factors], 'split')).toEqual([]);
    expect(
      factorsOn(adjustmentSchedule([factors], 'dividend'), '2025-01-30').price.toString(),
    ).toBe('1');
  });

  it('is not adjusted without a close before the ex-date to measure it against', () => {
    expect(dividend('1.15', null).dividendFactor.toString()).toBe('1');
  });

  it('refuses a dividend as large as the close', () => {
    expect(() => dividend('115', '115')).toThrow(
      'corporate action 1: dividend 115 is not below the previous close 115',
    );
  });
});

describe('coupons and maturities', () => {
  it('are not price adjustments', () => {
    for (const actionType of ['COUPON', 'MATURITY']) {
      const factors = actionFactors({
        actionId: 7,
        actionType,
        exDate: '2025-01-17',
        ratio: null,
        amount: '1.3125',
        previousClose: { date: '2025-01-16', close: '99.5' },
      });
      expect(
        [factors.splitFactor, factors.dividendFactor, factors.volumeFactor].map(String),
      ).toEqual(['1', '1', '1']);
      expect(adjustmentSchedule([factors], 'all')).toEqual([]);
    }
  });
});
