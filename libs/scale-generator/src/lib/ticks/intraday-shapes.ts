import { IntradayShape, intradayMultiplier } from '@securities/market-sim';
import { TICKS_PER_DAY } from '../profiles/scale-profiles';

/**
 * The session's U-shapes, relative to midday (Admati and Pfleiderer 1988; Wood, McInish and Ord
 * 1985; McInish and Wood 1992): the open is the most volatile, busiest and widest-quoted part of the
 * day, the close busy and volatile again. The open's excess fades over about half an hour
 * (0.08 of a 6.5-hour session), the close's builds over the last half hour.
 */
export const VOLATILITY_SHAPE: IntradayShape = {
  open: 2.4,
  close: 1.6,
  openDecay: 0.08,
  closeBuild: 0.08,
};
export const VOLUME_SHAPE: IntradayShape = {
  open: 3.2,
  close: 2.6,
  openDecay: 0.1,
  closeBuild: 0.08,
};
export const SPREAD_SHAPE: IntradayShape = {
  open: 2.2,
  close: 1.15,
  openDecay: 0.06,
  closeBuild: 0.05,
};

const LAST = TICKS_PER_DAY - 1;

/** A shape's multiplier at each tick of the session (tick 0 = the open, the last = 15:59:40). */
export function tickProfile(shape: IntradayShape): Float64Array {
  return Float64Array.from({ length: TICKS_PER_DAY }, (_, tick) =>
    intradayMultiplier(shape, tick / LAST),
  );
}
