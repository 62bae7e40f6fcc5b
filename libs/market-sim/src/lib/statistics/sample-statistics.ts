/**
 * The statistics of the stylized facts of returns (Cont 2001), on plain arrays. Each is the
 * textbook estimator the realism report computes in SQL, so the two can check each other.
 */

function checkLength(values: ArrayLike<number>, needed: number, what: string): void {
  if (values.length < needed) {
    throw new RangeError(`${what} needs at least ${needed} values, got ${values.length}`);
  }
}

export function mean(values: ArrayLike<number>): number {
  checkLength(values, 1, 'a mean');
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Excess kurtosis m4 / m2² - 3 with population moments (0 for a normal sample, in the limit). */
export function excessKurtosis(values: ArrayLike<number>): number {
  checkLength(values, 2, 'a kurtosis');
  const centre = mean(values);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] - centre) ** 2;
    m2 += d;
    m4 += d * d;
  }
  m2 /= values.length;
  m4 /= values.length;
  if (m2 === 0) throw new RangeError('a kurtosis needs values that vary');
  return m4 / (m2 * m2) - 3;
}

/** Pearson correlation of two equally long series. */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  if (xs.length !== ys.length) {
    throw new RangeError(`a correlation needs equal lengths, got ${xs.length} and ${ys.length}`);
  }
  checkLength(xs, 2, 'a correlation');
  const [mx, my] = [mean(xs), mean(ys)];
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  if (vx === 0 || vy === 0) throw new RangeError('a correlation needs series that vary');
  return cov / Math.sqrt(vx * vy);
}

/** Autocorrelation at a lag, as the correlation of the pairs (x_t, x_t-lag). */
export function lagCorrelation(values: ArrayLike<number>, lag: number): number {
  if (!Number.isInteger(lag) || lag < 1)
    throw new RangeError(`a lag is a positive integer, got ${lag}`);
  const all = Array.from(values);
  return correlation(all.slice(lag), all.slice(0, all.length - lag));
}

/** The leverage effect: correlation of a day's return with the next day's absolute return. */
export function leverageCorrelation(returns: ArrayLike<number>): number {
  const all = Array.from(returns);
  return correlation(all.slice(0, -1), all.slice(1).map(Math.abs));
}

/** Percentile with linear interpolation between order statistics (SQL's percentile_cont). */
export function percentile(values: ArrayLike<number>, fraction: number): number {
  checkLength(values, 1, 'a percentile');
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`a fraction in [0, 1], got ${fraction}`);
  const sorted = Array.from(values).sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export const median = (values: ArrayLike<number>): number => percentile(values, 0.5);
