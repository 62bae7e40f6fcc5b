/**
 * Raised when an input to the analytics maths is unusable (a date outside the data, a trade on a
 * day the series does not have, an unparsable amount): the message names the input and the value.
 */
export class AnalyticsInputError extends Error {
  override name = 'AnalyticsInputError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}
