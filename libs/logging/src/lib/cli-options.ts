import { InvalidArgumentError } from 'commander';

/**
 * Commander option parsers shared by every CLI, so an option means the same everywhere. A bad
 * value stops the program before it does anything, with commander's message naming the option.
 */

/** A whole number from 1 up, written in digits only ("10", not "1e1", "10.0" or "+10"). */
export function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('must be a positive integer, e.g. 10');
  }
  return parsed;
}

/** A seed: a whole number, negative allowed, within JavaScript's safe integers. */
export function seedInt(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError('the seed must be an integer, e.g. --seed 42');
  }
  return seed;
}
