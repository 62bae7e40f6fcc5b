import { RandomSource } from '../random/random-source';
import { PathOptions } from './equity-gbm';

/** An arithmetic random walk from `start` (yield levels, spreads), steps of `stepVolatility`. */
export function simulateArithmeticWalk(
  start: number,
  stepVolatility: number,
  options: Pick<PathOptions, 'steps' | 'tailDegreesOfFreedom'>,
  random: RandomSource,
): number[] {
  const path = [start];
  for (let step = 1; step <= options.steps; step++) {
    path.push(path[step - 1] + stepVolatility * random.nextStudentT(options.tailDegreesOfFreedom));
  }
  return path;
}
