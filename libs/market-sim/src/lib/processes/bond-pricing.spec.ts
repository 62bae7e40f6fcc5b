import {
  accruedInterest,
  cleanPrice,
  convexity,
  couponDates,
  couponDatesBetween,
  dirtyPrice,
  FixedRateBond,
  modifiedDuration,
  nextCouponDate,
  previousCouponDate,
} from './bond-pricing';

const tenYearFive: FixedRateBond = {
  couponRate: 0.05,
  couponsPerYear: 2,
  issueDate: '2025-01-15',
  maturityDate: '2035-01-15',
};

describe('fixed-rate bond pricing', () => {
  it('pays coupons every six months back from maturity', () => {
    const dates = couponDates(tenYearFive);
    expect(dates).toHaveLength(20);
    expect(dates[0]).toBe('2025-07-15');
    expect(dates[19]).toBe('2035-01-15');
    expect(couponDatesBetween(tenYearFive, '2025-01-15', '2026-01-15')).toEqual([
      '2025-07-15',
      '2026-01-15',
    ]);
    expect(previousCouponDate(tenYearFive, '2025-03-01')).toBe('2025-01-15');
    expect(nextCouponDate(tenYearFive, '2025-07-15')).toBe('2026-01-15');
    expect(() => nextCouponDate(tenYearFive, '2035-01-15')).toThrow('matured');
  });

  it('prices at par when the yield equals the coupon, on a coupon date', () => {
    expect(cleanPrice(tenYearFive, '2025-01-15', 0.05)).toBeCloseTo(100, 10);
  });

  it('matches the textbook price of a 10-year 5% bond at a 6% yield (92.5613)', () => {
    expect(cleanPrice(tenYearFive, '2025-01-15', 0.06)).toBeCloseTo(92.5613, 4);
  });

  it('accrues the coupon day by day on 30/360, and the clean price does not jump on the coupon date', () => {
    expect(accruedInterest(tenYearFive, '2025-04-15')).toBeCloseTo(1.25, 10);
    expect(
      dirtyPrice(tenYearFive, '2025-04-15', 0.05) - cleanPrice(tenYearFive, '2025-04-15', 0.05),
    ).toBeCloseTo(1.25, 10);
    const before = cleanPrice(tenYearFive, '2025-07-14', 0.05);
    const after = cleanPrice(tenYearFive, '2025-07-16', 0.05);
    expect(Math.abs(after - before)).toBeLessThan(0.01);
  });

  it('pulls to par as maturity nears, whatever the yield', () => {
    const atYield = (date: string) => cleanPrice(tenYearFive, date, 0.08);
    expect(atYield('2025-01-15')).toBeLessThan(atYield('2030-01-15'));
    expect(atYield('2030-01-15')).toBeLessThan(atYield('2034-07-15'));
    expect(atYield('2034-12-15')).toBeGreaterThan(99.7);
  });

  it('prices a premium bond above par and a discount bond below', () => {
    expect(cleanPrice(tenYearFive, '2026-03-10', 0.03)).toBeGreaterThan(100);
    expect(cleanPrice(tenYearFive, '2026-03-10', 0.07)).toBeLessThan(100);
  });

  it('has duration and convexity that predict the price change of a yield move', () => {
    const settlement = '2026-03-10';
    const price = dirtyPrice(tenYearFive, settlement, 0.05);
    const duration = modifiedDuration(tenYearFive, settlement, 0.05);
    const curvature = convexity(tenYearFive, settlement, 0.05);
    expect(duration).toBeGreaterThan(6.5);
    expect(duration).toBeLessThan(8);
    const shift = 0.001;
    const predicted = price * (1 - duration * shift + 0.5 * curvature * shift * shift);
    expect(dirtyPrice(tenYearFive, settlement, 0.05 + shift)).toBeCloseTo(predicted, 4);
  });

  it('has a duration near the time left for a bond about to mature', () => {
    expect(modifiedDuration(tenYearFive, '2034-10-15', 0.05)).toBeCloseTo(0.25 / 1.025, 2);
    expect(accruedInterest(tenYearFive, '2035-01-15')).toBe(0);
  });
});
