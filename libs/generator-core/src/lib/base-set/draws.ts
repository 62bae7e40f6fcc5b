/** Small helpers for drawing the data's numbers and dates from a seeded random source. */
import {
  addDays,
  daysBetween,
  IsoDate,
  RandomSource,
  rollToBusinessDay,
} from '@securities/market-sim';

/** A business day drawn uniformly from [from, to]. */
export function randomBusinessDay(random: RandomSource, from: IsoDate, to: IsoDate): IsoDate {
  return rollToBusinessDay(addDays(from, random.nextInt(0, daysBetween(from, to))));
}

/** A draw between low and high, uniform in log terms (prices, volumes). */
export function logUniform(random: RandomSource, low: number, high: number): number {
  return Math.exp(random.nextBetween(Math.log(low), Math.log(high)));
}

/** Rounds a simulated (binary float) price to its grid; the CSV text comes from `fixed`. */
export function roundTo(value: number, decimals: number): number {
  const scale = Math.pow(10, decimals);
  return Math.round(value * scale) / scale;
}
