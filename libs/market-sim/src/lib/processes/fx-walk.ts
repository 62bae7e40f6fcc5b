import { RandomSource } from '../random/random-source';
import { gbmStep, PathOptions } from './equity-gbm';

/**
 * An FX rate (USD per unit) as a driftless lognormal random walk with fat-tailed shocks, so it stays
 * positive and has no built-in trend.
 */
export function simulateFxPath(
  initialRate: number,
  annualVolatility: number,
  options: PathOptions,
  random: RandomSource,
): number[] {
  const path = [initialRate];
  for (let step = 1; step <= options.steps; step++) {
    const shock = random.nextStudentT(options.tailDegreesOfFreedom);
    path.push(gbmStep(path[step - 1], 0, annualVolatility, options.dtYears, shock));
  }
  return path;
}
