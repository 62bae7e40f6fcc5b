import { FastRandom } from './fast-random';
import { pinVwap } from './tick-vwap';
import { TICKS_PER_DAY } from '../profiles/scale-profiles';

/** Prices are integers of 1e-4 (the scale of tick_data's numeric(12,4) columns). */
export const PRICE_UNITS = 10_000;
/** Lowest tick price in units, so a bid of at least one unit stays below it. */
const MIN_PRICE_UNITS = 2;

/** A day's bar in price units; the ticks are built to aggregate to exactly this. */
export interface UnitBar {
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface DayTickInput {
  open: number;
  close: number;
  /** Given for days whose bar is fixed in advance (the base set's period dates). */
  pinned?: UnitBar;
  /** The pinned bar's vwap in 1e-6 (its volume is spread over the ticks to match it). */
  pinnedVwapMicros?: number;
  /** Volume of the day when not pinned. */
  volume: number;
  /** Standard deviation of the day's log price path (intraday volatility). */
  sigma: number;
  /** Half the bid-ask spread as a fraction of the price. */
  halfSpread: number;
  /** Shares per round lot: sizes and trade counts are multiples or quotients of it. */
  lot: number;
}

/** One day's ticks, column by column (reused between days to spare the garbage collector). */
export class DayTicks {
  readonly price = new Float64Array(TICKS_PER_DAY);
  readonly bid = new Float64Array(TICKS_PER_DAY);
  readonly ask = new Float64Array(TICKS_PER_DAY);
  readonly vwap = new Float64Array(TICKS_PER_DAY);
  readonly volume = new Int32Array(TICKS_PER_DAY);
  readonly bidSize = new Int32Array(TICKS_PER_DAY);
  readonly askSize = new Int32Array(TICKS_PER_DAY);
  readonly tradeCount = new Int32Array(TICKS_PER_DAY);
  /** The day's bar, aggregated from the ticks (its vwap: `vwapMicros` of price and volume). */
  bar: UnitBar = { open: 0, high: 0, low: 0, close: 0, volume: 0 };
}

const LAST = TICKS_PER_DAY - 1;
// Coprime with TICKS_PER_DAY, so the first `remainder` multiples land on distinct ticks.
const REMAINDER_STRIDE = 7_919;

function splitVolume(total: number, random: FastRandom, out: Int32Array): void {
  const weights = new Float64Array(TICKS_PER_DAY);
  let sum = 0;
  for (let i = 0; i < TICKS_PER_DAY; i++) {
    const x = (2 * i) / LAST - 1;
    // Busier at the open and the close, as real sessions are.
    const weight = (1 + 1.5 * x * x) * Math.exp(0.6 * random.nextNormal());
    weights[i] = weight;
    sum += weight;
  }
  let assigned = 0;
  for (let i = 0; i < TICKS_PER_DAY; i++) {
    const share = Math.floor((total * weights[i]) / sum);
    out[i] = share;
    assigned += share;
  }
  const remainder = total - assigned;
  for (let j = 0; j < remainder; j++) out[(j * REMAINDER_STRIDE) % TICKS_PER_DAY] += 1;
}

/**
 * Simulates one session of 20-second ticks: a Brownian bridge (in log price) from the open to the
 * close. A pinned day's path is clamped into [low, high] and touches both, so first, last,
 * extremes and summed volume equal the pinned bar exactly. Quotes straddle every trade price.
 */
export function simulateDayTicks(input: DayTickInput, random: FastRandom, out: DayTicks): void {
  const { price } = out;
  const open = input.pinned?.open ?? Math.max(MIN_PRICE_UNITS, input.open);
  const close = input.pinned?.close ?? Math.max(MIN_PRICE_UNITS, input.close);
  const logOpen = Math.log(open);
  const logClose = Math.log(close);
  const step = input.sigma / Math.sqrt(LAST);
  let walk = 0;
  price[0] = 0;
  for (let i = 1; i <= LAST; i++) {
    walk += step * random.nextNormal();
    price[i] = walk;
  }
  const end = price[LAST];
  for (let i = 1; i < LAST; i++) {
    const t = i / LAST;
    const units = Math.round(Math.exp(logOpen + t * (logClose - logOpen) + price[i] - t * end));
    price[i] = units < MIN_PRICE_UNITS ? MIN_PRICE_UNITS : units;
  }
  price[0] = open;
  price[LAST] = close;

  const pinned = input.pinned;
  if (pinned) {
    let highIndex = 1;
    let lowIndex = 2;
    for (let i = 1; i < LAST; i++) {
      if (price[i] > pinned.high) price[i] = pinned.high;
      if (price[i] < pinned.low) price[i] = pinned.low;
      if (price[i] > price[highIndex]) highIndex = i;
      if (price[i] < price[lowIndex]) lowIndex = i;
    }
    if (highIndex === lowIndex) lowIndex = highIndex === 1 ? 2 : 1;
    price[highIndex] = pinned.high;
    price[lowIndex] = pinned.low;
  }

  splitVolume(pinned ? pinned.volume : input.volume, random, out.volume);
  if (input.pinnedVwapMicros !== undefined) pinVwap(price, out.volume, input.pinnedVwapMicros);

  let high = price[0];
  let low = price[0];
  let volume = 0;
  let priceVolume = 0;
  for (let i = 0; i < TICKS_PER_DAY; i++) {
    const p = price[i];
    if (p > high) high = p;
    if (p < low) low = p;
    const half = Math.max(1, Math.round(p * input.halfSpread));
    out.bid[i] = Math.max(1, p - half);
    out.ask[i] = p + half;
    const v = out.volume[i];
    volume += v;
    priceVolume += p * v;
    const running = volume > 0 ? Math.round(priceVolume / volume) : p;
    out.vwap[i] = running < low ? low : running > high ? high : running;
    out.bidSize[i] = input.lot * (1 + Math.floor(random.nextFloat() * 20));
    out.askSize[i] = input.lot * (1 + Math.floor(random.nextFloat() * 20));
    out.tradeCount[i] = v === 0 ? 0 : Math.ceil(v / input.lot);
  }
  out.bar = { open: price[0], high, low, close: price[LAST], volume };
}
