import { InvalidArgumentError } from 'commander';

/** `--seed`: a whole number (negative allowed), within JavaScript's safe integers. */
export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new InvalidArgumentError('the seed must be an integer, e.g. --seed 42');
  }
  return seed;
}
