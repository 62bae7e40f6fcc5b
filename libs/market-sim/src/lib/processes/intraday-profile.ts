/**
 * How a quantity (volatility, volume, spread) moves through a trading session relative to midday:
 * real sessions are busiest, most volatile and widest-quoted at the open, quieter at midday, and
 * busy again into the close (the intraday "U").
 */
export interface IntradayShape {
  /** Multiplier at the very open, relative to midday (1). */
  open: number;
  /** Multiplier at the very close, relative to midday (1). */
  close: number;
  /** Share of the session over which the open's excess decays (by a factor e). */
  openDecay: number;
  /** Share of the session over which the close's excess builds up (by a factor e). */
  closeBuild: number;
}

/** The shape's multiplier at a point of the session (0 = open, 1 = close). */
export function intradayMultiplier(shape: IntradayShape, sessionFraction: number): number {
  if (!(sessionFraction >= 0 && sessionFraction <= 1)) {
    throw new RangeError(`a session fraction is in [0, 1], got ${sessionFraction}`);
  }
  return (
    1 +
    (shape.open - 1) * Math.exp(-sessionFraction / shape.openDecay) +
    (shape.close - 1) * Math.exp(-(1 - sessionFraction) / shape.closeBuild)
  );
}
