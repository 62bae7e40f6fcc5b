import { studentT4Quantile } from './student-t';

describe('the Student-t(4) quantile', () => {
  it('matches the tables', () => {
    // scipy.stats.t.ppf([0.95, 0.975, 0.99, 0.999], 4)
    expect(studentT4Quantile(0.95)).toBeCloseTo(2.131847, 5);
    expect(studentT4Quantile(0.975)).toBeCloseTo(2.776445, 5);
    expect(studentT4Quantile(0.99)).toBeCloseTo(3.746947, 5);
    expect(studentT4Quantile(0.999)).toBeCloseTo(7.173182, 4);
  });

  it('is 0 at the median and symmetric', () => {
    expect(studentT4Quantile(0.5)).toBe(0);
    expect(studentT4Quantile(0.025)).toBeCloseTo(-2.776445, 5);
    expect(studentT4Quantile(0.3)).toBeCloseTo(-studentT4Quantile(0.7), 12);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => studentT4Quantile(0)).toThrow('strictly between 0 and 1');
    expect(() => studentT4Quantile(1)).toThrow('strictly between 0 and 1');
  });
});
