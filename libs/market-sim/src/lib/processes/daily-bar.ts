import { RandomSource } from '../random/random-source';

/** One day's bar, every price on the grid of its decimals. */
export interface DailyBar {
  open: number;
  high: number;
  low: number;
  close: number;
  vwap: number;
  volume: number;
}

export interface DailyBarInput {
  previousClose: number;
  /** The day's close, already the price the rest of the data uses; the bar is built around it. */
  close: number;
  /** Standard deviation of one day's log return. */
  dailyVolatility: number;
  /** Decimal places of open, high, low and close. */
  priceDecimals: number;
  /** Decimal places of the VWAP (an average, so usually finer than the prices). */
  vwapDecimals: number;
  averageVolume: number;
  /** Volumes are whole multiples of this (a board lot, a bond's minimum piece). */
  volumeStep: number;
}

/** Share of the day's volatility in the overnight gap, and in each of the day's extremes. */
const GAP_SHARE = 0.3;
const RANGE_SHARE = 0.6;
const VOLUME_DISPERSION = 0.4;

/**
 * A plausible bar for a day whose close is given: the open gaps from yesterday's close, the high
 * and low reach past both, the VWAP sits inside [low, high]. Worked in integer ticks, so rounding
 * can never break low <= open, close <= high.
 */
export function simulateDailyBar(input: DailyBarInput, random: RandomSource): DailyBar {
  const scale = Math.pow(10, input.priceDecimals);
  const toTicks = (price: number) => Math.max(1, Math.round(price * scale));
  const close = toTicks(input.close);
  const open = toTicks(
    input.previousClose * Math.exp(GAP_SHARE * input.dailyVolatility * random.nextNormal()),
  );
  const stretch = () => Math.abs(random.nextNormal()) * RANGE_SHARE * input.dailyVolatility;
  const high = Math.max(open, close, Math.ceil(Math.max(open, close) * Math.exp(stretch())));
  const low = Math.max(
    1,
    Math.min(open, close, Math.floor(Math.min(open, close) * Math.exp(-stretch()))),
  );

  // The VWAP leans towards where the day traded most: between the typical price and the close.
  const vwapScale = Math.pow(10, input.vwapDecimals - input.priceDecimals);
  const typical = (high + low + close) / 3;
  const lean = random.nextFloat();
  const vwapTicks = Math.round((typical * (1 - lean) + close * lean) * vwapScale);
  const vwap = Math.min(high * vwapScale, Math.max(low * vwapScale, vwapTicks));

  const volume = Math.max(
    input.volumeStep,
    Math.round(
      (input.averageVolume *
        Math.exp(VOLUME_DISPERSION * random.nextNormal() - VOLUME_DISPERSION ** 2 / 2)) /
        input.volumeStep,
    ) * input.volumeStep,
  );

  return {
    open: open / scale,
    high: high / scale,
    low: low / scale,
    close: close / scale,
    vwap: vwap / (scale * vwapScale),
    volume,
  };
}
