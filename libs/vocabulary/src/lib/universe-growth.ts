/**
 * What a scale profile asks the universe to grow by (scale-generator says how many, generator-core's
 * builders draw them): how many new issuers, and how many securities of each kind.
 */
export interface UniverseGrowth {
  seed: number;
  /** Names the random streams ('<prefix>/universe', ..., '<prefix>/ratings'): one growth, one draw. */
  streamPrefix: string;
  issuers: number;
  equities: number;
  bonds: number;
  /** Options and futures, split as the base set's 6:5. */
  derivatives: number;
  /** CLO and ABS notes, each with its own vehicle, which counts among the new issuers. */
  structured: number;
  /** ETFs and mutual funds. */
  funds: number;
}
