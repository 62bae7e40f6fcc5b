/**
 * Raised when a request parameter cannot be served as asked (a range after the data, a malformed
 * cursor, a window longer than the bars). `parameter` names it; the message starts with it, so the
 * API answers 400 with the message as it is.
 */
export class MarketDataInputError extends Error {
  override name = 'MarketDataInputError';

  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`${parameter} ${problem}`);
  }
}
