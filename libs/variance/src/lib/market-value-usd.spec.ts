import Decimal from 'decimal.js';
import { marketValueUsd, toCents, VarianceInputError } from '../index';

describe('marketValueUsd', () => {
  it('multiplies quantity, price, price factor and FX, then rounds to cents', () => {
    // 1,000,000 nominal at 98.50 per 100 (f = 0.01) in GBP at 1.2634: 985,000 * 1.2634 = 1,244,449.00
    expect(toCents(marketValueUsd('1000000', '98.5000', '0.01', '1.263400'))).toBe('1244449.00');
  });

  it('keeps the sign of a short position', () => {
    // -200 * 150.25 * 1 * 1 = -30,050.00
    expect(toCents(marketValueUsd(-200, 150.25, 1, 1))).toBe('-30050.00');
  });

  it('rounds an exact half cent away from zero, as PostgreSQL round(numeric, 2) does', () => {
    // 0.125 -> 0.13 (half-even would give 0.12); a short position: -0.125 -> -0.13.
    expect(toCents(marketValueUsd('1', '0.125', '1', '1'))).toBe('0.13');
    expect(toCents(marketValueUsd('-1', '0.125', '1', '1'))).toBe('-0.13');
  });

  it('returns a value with at most two decimal places', () => {
    // 3 * 33.3333 * 1.123456 = 112.3454... -> 112.35
    const value = marketValueUsd('3', '33.3333', '1', '1.123456');
    expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
    expect(value.equals(new Decimal('112.35'))).toBe(true);
  });

  it('names the offending argument', () => {
    expect(() => marketValueUsd('10', '0', '1', '1')).toThrow(
      new VarianceInputError('price', 'must be > 0, got 0'),
    );
    expect(() => marketValueUsd('ten', '5', '1', '1')).toThrow(/^quantity /);
    expect(() => marketValueUsd('10', '5', '0', '1')).toThrow(/^priceFactor /);
    expect(() => marketValueUsd('10', '5', '1', '-1.1')).toThrow(/^fxRate /);
  });
});
