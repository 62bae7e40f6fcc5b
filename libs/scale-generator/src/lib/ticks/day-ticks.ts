import { FastRandom } from './fast-random';
import { pinVwap } from './tick-vwap';
import { SPREAD_SHAPE, tickProfile, VOLATILITY_SHAPE, VOLUME_SHAPE } from './intraday-shapes';
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
  /** Standard deviation of the day's diffusive log price move from the open to the close. */
  sigma: number;
  /** A jump in log price at one moment of the session (0 for none); part of open -> close. */
  jump: number;
  /** Half the bid-ask spread as a fraction of the price, at midday on a calm tick. */
  halfSpread: number;
  /** Shares per round lot: sizes and trade counts are multiples or quotients of it. */
  lot: number;
}

const LAST = TICKS_PER_DAY - 1;
/** Ticks of one intraday volatility burst (10 minutes). */
const BURST_TICKS = 30;
/** Log standard deviation of a burst's volatility multiplier. */
const BURST_SPREAD = 0.5;
/** A tick's volume is proportional to (VOLUME_CALM + |its shock|): trading rises with moves. */
const VOLUME_CALM = 0.6;
/**
 * A jump (news) is priced in over this many ticks (20 minutes), fastest at first: a jump at the
 * daily scale, a burst of trending ticks at the 20-second scale.
 */
const JUMP_TICKS = 60;
/** Ticks trade this many times their usual volume while a jump is priced in. */
const JUMP_VOLUME = 4;
/** Bid and ask sizes are 1 to QUOTE_LOTS lots. */
const QUOTE_LOTS = 20;
// Coprime with TICKS_PER_DAY, so the first `remainder` multiples land on distinct ticks.
const REMAINDER_STRIDE = 7_919;

const VOLATILITY_PROFILE = tickProfile(VOLATILITY_SHAPE);
const VOLUME_PROFILE = tickProfile(VOLUME_SHAPE);
const SPREAD_PROFILE = tickProfile(SPREAD_SHAPE);

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
  /** Scratch: variance elapsed at each tick, each tick's volume weight, each burst's level. */
  readonly elapsedVariance = new Float64Array(TICKS_PER_DAY);
  readonly volumeWeight = new Float64Array(TICKS_PER_DAY);
  readonly burst = new Float64Array(Math.ceil(TICKS_PER_DAY / BURST_TICKS));
  /** Scratch: each burst's half-spread multiplier (spreads widen with the square root of volatility). */
  readonly burstSpread = new Float64Array(Math.ceil(TICKS_PER_DAY / BURST_TICKS));
}

function splitVolume(total: number, weights: Float64Array, sum: number, out: Int32Array): void {
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
 * Simulates one session of 20-second ticks. The log price walks from the open with heavy-tailed
 * increments (Student-t(4)) whose volatility follows the session's U-shape and 10-minute bursts;
 * the walk is bent into a bridge to the close (the correction spread in proportion to the variance
 * elapsed, so quiet stretches stay quiet), and the day's jump, if any, lands on one tick. A pinned
 * day's path is clamped into [low, high] and touches both, so first, last, extremes and summed
 * volume equal the pinned bar exactly. Volume follows its own U-shape and rises with each tick's
 * move; quotes straddle every trade price, wider at the open, in bursts and on volatile days.
 */
export function simulateDayTicks(input: DayTickInput, random: FastRandom, out: DayTicks): void {
  const { price, elapsedVariance, volumeWeight, burst, burstSpread } = out;
  const open = input.pinned?.open ?? Math.max(MIN_PRICE_UNITS, input.open);
  const close = input.pinned?.close ?? Math.max(MIN_PRICE_UNITS, input.close);
  const logOpen = Math.log(open);

  let variance = 0;
  for (let b = 0; b < burst.length; b++) {
    const level = Math.exp(BURST_SPREAD * random.nextNormal());
    burst[b] = level;
    burstSpread[b] = input.halfSpread * Math.sqrt(level);
    const first = Math.max(1, b * BURST_TICKS);
    const end = Math.min(TICKS_PER_DAY, (b + 1) * BURST_TICKS);
    for (let i = first; i < end; i++) {
      const scale = VOLATILITY_PROFILE[i] * level;
      variance += scale * scale;
      elapsedVariance[i] = variance;
    }
  }
  const step = input.sigma / Math.sqrt(variance);
  const inverseVariance = 1 / variance;

  let walk = 0;
  let weightSum = VOLUME_PROFILE[0] * (VOLUME_CALM + 1) * random.nextLognormal();
  volumeWeight[0] = weightSum;
  for (let i = 1; i <= LAST; i++) {
    const level = burst[(i / BURST_TICKS) | 0];
    const shock = random.nextHeavyTailed();
    walk += step * VOLATILITY_PROFILE[i] * level * shock;
    price[i] = walk;
    const weight =
      VOLUME_PROFILE[i] * (VOLUME_CALM + Math.abs(shock) * level) * random.nextLognormal();
    volumeWeight[i] = weight;
    weightSum += weight;
  }
  const jumpStart = input.jump === 0 ? TICKS_PER_DAY : 1 + random.nextSmallInt(LAST - JUMP_TICKS);
  const jumpEnd = Math.min(TICKS_PER_DAY, jumpStart + JUMP_TICKS);
  for (let i = jumpStart; i < jumpEnd; i++) {
    weightSum += (JUMP_VOLUME - 1) * volumeWeight[i];
    volumeWeight[i] *= JUMP_VOLUME;
  }
  const miss = price[LAST] - (Math.log(close) - logOpen - input.jump);
  for (let i = 1; i < LAST; i++) {
    let jumped = 0;
    if (i >= jumpEnd) jumped = input.jump;
    else if (i >= jumpStart) {
      const left = 1 - (i - jumpStart + 1) / JUMP_TICKS;
      jumped = input.jump * (1 - left * left);
    }
    const bridged = price[i] - elapsedVariance[i] * inverseVariance * miss + jumped;
    const units = Math.round(Math.exp(logOpen + bridged));
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

  splitVolume(pinned ? pinned.volume : input.volume, volumeWeight, weightSum, out.volume);
  if (input.pinnedVwapMicros !== undefined) pinVwap(price, out.volume, input.pinnedVwapMicros);

  let high = price[0];
  let low = price[0];
  let volume = 0;
  let priceVolume = 0;
  for (let i = 0; i < TICKS_PER_DAY; i++) {
    const p = price[i];
    if (p > high) high = p;
    if (p < low) low = p;
    const half = Math.max(
      1,
      Math.round(p * SPREAD_PROFILE[i] * burstSpread[(i / BURST_TICKS) | 0]),
    );
    out.bid[i] = Math.max(1, p - half);
    out.ask[i] = p + half;
    const v = out.volume[i];
    volume += v;
    priceVolume += p * v;
    const running = volume > 0 ? Math.round(priceVolume / volume) : p;
    out.vwap[i] = running < low ? low : running > high ? high : running;
    out.bidSize[i] = input.lot * (1 + random.nextSmallInt(QUOTE_LOTS));
    out.askSize[i] = input.lot * (1 + random.nextSmallInt(QUOTE_LOTS));
    out.tradeCount[i] = v === 0 ? 0 : Math.ceil(v / input.lot);
  }
  out.bar = { open: price[0], high, low, close: price[LAST], volume };
}
