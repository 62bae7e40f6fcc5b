import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { AdjustmentStep, BarFactors, factorsOn } from '../adjustment/adjustment-factors';
import { BarInterval } from '@securities/vocabulary';
import { bucketStart } from '../intervals/bar-interval';
import { compareLocalTime } from '../time/local-time';
import { Bar, RawBar, tickVwap } from './bar';

/** Decimals of the vwap of a bar spanning an ex-date (a mean of prices adjusted by different factors). */
const SPANNING_VWAP_DECIMALS = 12;

const sum = (values: readonly Decimal.Value[]) =>
  values.reduce<Decimal>((total, value) => total.plus(value), new ExactDecimal(0));
const sumOrNull = (values: readonly (string | null)[]) =>
  values.some((value) => value === null) ? null : sum(values as string[]);

/**
 * The raw bars of one bucket as one: first open, last close, extremes, sums, and the vwap of their
 * ticks (a day's own vwap is pricing_history's, which need not be its ticks' on a pinned day).
 */
function aggregateRaw(bars: readonly RawBar[], rollingUp: boolean): RawBar {
  if (!rollingUp) return bars[0];
  const first = bars[0];
  const last = bars[bars.length - 1];
  const volume = sum(bars.map((bar) => bar.volume));
  const priceVolume = sumOrNull(bars.map((bar) => bar.priceVolume));
  // Without ticks behind every part, the parts' own vwaps weighted by their volumes.
  const weighted =
    priceVolume ?? sum(bars.map((bar) => new ExactDecimal(bar.vwap).times(bar.volume)));
  return {
    start: first.start,
    open: first.open,
    high: ExactDecimal.max(...bars.map((bar) => bar.high)).toString(),
    low: ExactDecimal.min(...bars.map((bar) => bar.low)).toString(),
    close: last.close,
    volume: volume.toString(),
    vwap: tickVwap(weighted, volume, last.close),
    tradeCount: sumOrNull(bars.map((bar) => bar.tradeCount))?.toString() ?? null,
    priceVolume: priceVolume?.toString() ?? null,
  };
}

function adjusted(bar: RawBar, { price, volume }: BarFactors): Bar {
  return {
    start: bar.start,
    open: price.times(bar.open),
    high: price.times(bar.high),
    low: price.times(bar.low),
    close: price.times(bar.close),
    volume: volume.times(bar.volume),
    vwap: price.times(bar.vwap),
    tradeCount: bar.tradeCount === null ? null : new ExactDecimal(bar.tradeCount),
    adjustmentFactor: price,
    volumeFactor: volume,
  };
}

/** A bucket whose parts have different factors: adjust each part, then aggregate. */
function adjustedSpanning(parts: readonly RawBar[], factors: readonly BarFactors[]): Bar {
  const bars = parts.map((part, i) => adjusted(part, factors[i]));
  const volume = sum(bars.map((bar) => bar.volume));
  const close = bars[bars.length - 1].close;
  // Each part's price x volume, adjusted: (p f)(v g) summed over its ticks = f g sum(p v).
  const priceVolume = sum(
    parts.map((part, i) =>
      factors[i].price
        .times(factors[i].volume)
        .times(part.priceVolume ?? new ExactDecimal(part.vwap).times(part.volume)),
    ),
  );
  return {
    start: parts[0].start,
    open: bars[0].open,
    high: ExactDecimal.max(...bars.map((bar) => bar.high)),
    low: ExactDecimal.min(...bars.map((bar) => bar.low)),
    close,
    volume,
    vwap: volume.isZero()
      ? close
      : priceVolume.div(volume).toDecimalPlaces(SPANNING_VWAP_DECIMALS, Decimal.ROUND_HALF_UP),
    tradeCount: sumOrNull(parts.map((part) => part.tradeCount)),
    adjustmentFactor: null,
    volumeFactor: null,
  };
}

const sameFactors = (a: BarFactors, b: BarFactors) => a.price.eq(b.price) && a.volume.eq(b.volume);

/**
 * Bars at `interval` from source bars at `sourceInterval` (ascending; days for weeks and months),
 * back-adjusted by `schedule`. A bar within one factor's dates is its raw aggregate times that
 * factor, exactly (adjusted = raw x adjustment_factor, volume = raw x volume_factor); a bar spanning
 * an ex-date is the aggregate of its adjusted parts, so an adjusted series has no jump at a split.
 */
export function adjustBars(
  source: readonly RawBar[],
  sourceInterval: BarInterval,
  interval: BarInterval,
  schedule: readonly AdjustmentStep[],
): Bar[] {
  const rollingUp = sourceInterval !== interval;
  const bars: Bar[] = [];
  let group: RawBar[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const factors = group.map((part) => factorsOn(schedule, part.start.date));
    const start = bucketStart(interval, group[0].start);
    const bar = factors.every((factor) => sameFactors(factor, factors[0]))
      ? adjusted(aggregateRaw(group, rollingUp), factors[0])
      : adjustedSpanning(group, factors);
    bars.push({ ...bar, start });
    group = [];
  };
  for (const part of source) {
    if (
      group.length > 0 &&
      compareLocalTime(bucketStart(interval, part.start), bucketStart(interval, group[0].start)) !==
        0
    ) {
      flush();
    }
    group.push(part);
  }
  flush();
  return bars;
}
