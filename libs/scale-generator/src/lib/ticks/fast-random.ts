import { normalQuantile, studentT4Quantile } from '@securities/market-sim';

/** Entries of each lookup table: a draw picks one with 16 random bits. */
const TABLE_SIZE = 65_536;
const TABLE_BITS = 16;
const TABLE_MASK = TABLE_SIZE - 1;
/** Log standard deviation of the lognormal draws (the noise in tick volumes). */
export const LOGNORMAL_SPREAD = 0.5;

/** A distribution as the quantiles of TABLE_SIZE equally likely slices, rescaled by `normalise`. */
function quantileTable(
  quantile: (p: number) => number,
  normalise: (values: Float64Array) => number,
): Float64Array {
  const table = Float64Array.from({ length: TABLE_SIZE }, (_, i) =>
    quantile((i + 0.5) / TABLE_SIZE),
  );
  const factor = normalise(table);
  for (let i = 0; i < TABLE_SIZE; i++) table[i] *= factor;
  return table;
}

const sum = (values: Float64Array, f: (value: number) => number) =>
  values.reduce((total, value) => total + f(value), 0);

/**
 * Student-t(4), rescaled to unit variance: tails falling like |x|^-4, cut at the table's outermost
 * slice (about 16 standard deviations), so every moment the statistics use is finite.
 */
const HEAVY_TAILED = quantileTable(studentT4Quantile, (values) =>
  Math.sqrt(TABLE_SIZE / sum(values, (x) => x * x)),
);
/** Lognormal with mean 1. */
const LOGNORMAL = quantileTable(
  (p) => Math.exp(LOGNORMAL_SPREAD * normalQuantile(p)),
  (values) => TABLE_SIZE / sum(values, (x) => x),
);

/**
 * A small, fast generator (sfc32) for the intraday noise: a billion and a half ticks need a few
 * billion draws, which is where a general-purpose source would cost minutes. It is seeded from the
 * security-day's own seeded stream, so the ticks stay deterministic per (seed, security, date).
 * Its heavy-tailed and lognormal draws are table lookups, one 32-bit draw serving two of them.
 */
export class FastRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;
  private pairedBits = 0;
  private hasPairedBits = false;

  constructor(seeds: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = seeds.map((seed) => seed | 0) as [
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Standard normal (Box-Muller, both values used). */
  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextFloat()));
    const angle = 2 * Math.PI * this.nextFloat();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }

  /** 16 random bits: half of a 32-bit draw, the other half kept for the next call. */
  private nextBits16(): number {
    if (this.hasPairedBits) {
      this.hasPairedBits = false;
      return this.pairedBits;
    }
    const bits = this.nextUint32();
    this.pairedBits = bits >>> TABLE_BITS;
    this.hasPairedBits = true;
    return bits & TABLE_MASK;
  }

  /** Heavy-tailed with unit variance (Student-t with 4 degrees of freedom). */
  nextHeavyTailed(): number {
    return HEAVY_TAILED[this.nextBits16()];
  }

  /** Lognormal with mean 1 and log standard deviation LOGNORMAL_SPREAD. */
  nextLognormal(): number {
    return LOGNORMAL[this.nextBits16()];
  }

  /** A uniform integer in [0, count) from 16 bits: for counts up to a few thousand (1,170: each value within 2 % of 1/count). */
  nextSmallInt(count: number): number {
    return (this.nextBits16() * count) >>> TABLE_BITS;
  }
}
