import { RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/**
 * A seeded source of random numbers. Everything random in the generated data comes from one of
 * these, so the same seed always gives the same data.
 */
export interface RandomSource {
  /** Uniform in [0, 1), with 53 random bits. */
  nextFloat(): number;
  /** Uniform in [min, max). */
  nextBetween(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends included. */
  nextInt(min: number, max: number): number;
  /** True with the given probability. */
  nextBoolean(probability: number): boolean;
  /** Standard normal (Box-Muller). */
  nextNormal(): number;
  /**
   * Student-t with the given (integer, > 2) degrees of freedom, scaled to unit variance, so it can
   * replace a standard normal shock and only fatten the tails.
   */
  nextStudentT(degreesOfFreedom: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array with the items in random order (Fisher-Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_26 = 67_108_864;
const TWO_POW_53 = 9_007_199_254_740_992;

// FNV-1a: a fixed, well-spread hash, so a stream's seed never depends on the platform.
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The seed of one named stream of a run, e.g. ('42', 'prices'). Each part of the data draws from its
 * own stream, so adding draws to one part never shifts the numbers of another.
 */
export function streamSeed(seed: number, stream: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const char of `${seed}/${stream}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash | 0;
}

class XoroshiroRandomSource implements RandomSource {
  // pure-rand's unsafe operations advance this private generator in place, which is what makes a
  // draw cheap; nothing outside this object ever sees the generator.
  private readonly generator: RandomGenerator;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  nextFloat(): number {
    const high = this.generator.unsafeNext() >>> 5;
    const low = this.generator.unsafeNext() >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  nextBetween(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  nextInt(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`nextInt needs integers min <= max, got ${min} and ${max}`);
    }
    return unsafeUniformIntDistribution(min, max, this.generator);
  }

  nextBoolean(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  nextNormal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    // 1 - u is in (0, 1], so the logarithm is always finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextFloat()));
    const angle = 2 * Math.PI * this.nextFloat();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  nextStudentT(degreesOfFreedom: number): number {
    if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom <= 2) {
      throw new RangeError(
        `Student-t needs integer degrees of freedom > 2, got ${degreesOfFreedom}`,
      );
    }
    const numerator = this.nextNormal();
    let chiSquare = 0;
    for (let i = 0; i < degreesOfFreedom; i++) {
      const normal = this.nextNormal();
      chiSquare += normal * normal;
    }
    const studentT = numerator / Math.sqrt(chiSquare / degreesOfFreedom);
    return studentT * Math.sqrt((degreesOfFreedom - 2) / degreesOfFreedom);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.nextInt(0, items.length - 1)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.nextInt(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return shuffled;
  }
}

/** A random source for one named stream of a seeded run (see `streamSeed`). */
export function createRandomSource(seed: number, stream: string): RandomSource {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`a seed must be a safe integer, got ${seed}`);
  }
  return new XoroshiroRandomSource(streamSeed(seed, stream));
}
