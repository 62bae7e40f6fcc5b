import {
  correlation,
  excessKurtosis,
  lagCorrelation,
  leverageCorrelation,
  mean,
  median,
  percentile,
} from './sample-statistics';

describe('sample statistics of returns', () => {
  it('computes the excess kurtosis from population moments', () => {
    // Deviations ±1.5, ±0.5: m2 = 1.25, m4 = 2.5625, m4 / m2² = 1.64.
    expect(excessKurtosis([1, 2, 3, 4])).toBeCloseTo(-1.36, 12);
    // One outlier among five equal values: m2 = 0.16, m4 = 0.0832, m4 / m2² = 3.25.
    expect(excessKurtosis([0, 0, 0, 0, 1])).toBeCloseTo(0.25, 12);
    expect(() => excessKurtosis([2, 2, 2])).toThrow('values that vary');
  });

  it('correlates pairs at a lag, and a return with the next absolute return', () => {
    expect(lagCorrelation([1, 2, 3, 4, 5], 1)).toBeCloseTo(1, 12);
    // numpy.corrcoef(x[2:], x[:-2]) for x = 3 1 4 1 5 9 2 6
    expect(lagCorrelation([3, 1, 4, 1, 5, 9, 2, 6], 2)).toBeCloseTo(0.057958274, 8);
    // numpy.corrcoef(r[:-1], abs(r[1:])) for r = .01 -.02 .03 -.01 .02
    expect(leverageCorrelation([0.01, -0.02, 0.03, -0.01, 0.02])).toBeCloseTo(-0.920574618, 8);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(() => correlation([1, 2], [1, 2, 3])).toThrow('equal lengths');
    expect(() => lagCorrelation([1, 2, 3], 0)).toThrow('positive integer');
  });

  it('interpolates percentiles as percentile_cont does', () => {
    expect(percentile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(mean([1, 2, 6])).toBe(3);
    expect(() => percentile([], 0.5)).toThrow('at least 1');
  });
});
