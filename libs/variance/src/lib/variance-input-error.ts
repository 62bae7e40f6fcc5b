/**
 * Raised when an input to the variance maths is unusable (unparsable, non-finite, out of range),
 * so a bad value fails loudly where it enters instead of surfacing later as NaN.
 * The message and `field` name the offending input, e.g. "end.price must be > 0, got -3".
 */
export class VarianceInputError extends Error {
  override name = 'VarianceInputError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
