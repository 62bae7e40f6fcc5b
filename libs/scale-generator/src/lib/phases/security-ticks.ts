import { createRandomSource, IsoDate } from '@securities/market-sim';
import { MarketFactors } from '../prices/market-factors';
import {
  PinnedBar,
  ScaleSecurity,
  SecurityPath,
  simulateSecurityPath,
} from '../prices/security-path';
import { DayTicks, simulateDayTicks } from '../ticks/day-ticks';
import { parseMicros, vwapMicros } from '../ticks/tick-vwap';
import { FastRandom } from '../ticks/fast-random';
import { CopyBufferPool, postgresDayMicros, TickCopyEncoder } from '../ticks/tick-copy-encoder';

/** One pricing_history row, as text for an exact numeric insert. */
export interface DailyBarRow {
  priceDate: IsoDate;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  vwap: string;
}

/** What the ticks of one security need: its id, its daily path and the bars it must show. */
export interface TickSource {
  securityId: string;
  path: SecurityPath;
  pinnedBars: ReadonlyMap<IsoDate, PinnedBar>;
}

/** Every security's daily path, each from its own stream (seed, security id; an option's also from its underlying's). */
export function tickSources(
  seed: number,
  securities: readonly ScaleSecurity[],
  days: readonly IsoDate[],
  factors: MarketFactors,
): TickSource[] {
  return securities.map((security) => ({
    securityId: security.securityId,
    pinnedBars: security.pinnedBars,
    path: simulateSecurityPath(security, days, factors, seed),
  }));
}

/** Bytes per chunk: a few days, so generation can pause often to let COPY I/O through. */
const CHUNK_BYTES = 512 * 1024;

/** Buffers for `tickChunks`: a chunk's bytes plus room for the day that fills it. */
export function tickChunkBuffers(): CopyBufferPool {
  return new CopyBufferPool(CHUNK_BYTES + 256 * 1024);
}
/** A whole number of 1e-4 (price units) or of 1e-6 (vwap micros) as exact decimal text. */
export function formatUnits(value: number, decimals: 4 | 6 = 4): string {
  const base = 10 ** decimals;
  const integer = Math.floor(value / base);
  return `${integer}.${String(value - integer * base).padStart(decimals, '0')}`;
}

/** The intraday noise of one security-day: its own stream, whatever order days are generated in. */
function dayRandom(seed: number, securityId: string, date: IsoDate): FastRandom {
  const random = createRandomSource(seed, `scale/ticks/${securityId}/${date}`);
  return new FastRandom([
    random.nextInt(0, 0x7fffffff),
    random.nextInt(0, 0x7fffffff),
    random.nextInt(0, 0x7fffffff),
    random.nextInt(0, 0x7fffffff),
  ]);
}

/**
 * One security-day's ticks into `ticks`, from the day's path and its own stream (seed, security,
 * date), whatever order days are generated in.
 */
export function simulateSecurityDay(
  seed: number,
  source: TickSource,
  date: IsoDate,
  day: number,
  ticks: DayTicks,
): void {
  const { path } = source;
  const pinned = source.pinnedBars.get(date);
  simulateDayTicks(
    {
      open: path.opens[day],
      close: path.closes[day],
      pinned,
      pinnedVwapMicros: pinned ? parseMicros(pinned.vwapText) : undefined,
      volume: path.volumes[day],
      sigma: path.sigmas[day],
      jump: path.jumps[day],
      halfSpread: path.halfSpreads[day],
      lot: path.lot,
    },
    dayRandom(seed, source.securityId, date),
    ticks,
  );
}

/**
 * Generates one security's ticks for days [first, end) of the run as binary COPY chunks (yielded
 * as they fill, so PostgreSQL loads one chunk while the next is built) and collects the daily
 * bars, each computed from its own ticks. The chunks' buffers come from `buffers`: give them back
 * (`buffers.release`) once they are sent, and the next chunks reuse them.
 */
export function* tickChunks(
  seed: number,
  source: TickSource,
  days: readonly IsoDate[],
  first: number,
  end: number,
  bars: DailyBarRow[],
  buffers: CopyBufferPool = tickChunkBuffers(),
): Generator<Buffer> {
  const securityId = Buffer.from(source.securityId, 'utf8');
  const encoder = new TickCopyEncoder(buffers);
  const ticks = new DayTicks();
  for (let d = first; d < end; d++) {
    const date = days[d];
    simulateSecurityDay(seed, source, date, d, ticks);
    encoder.writeDay(postgresDayMicros(date), securityId, ticks);
    const { bar } = ticks;
    bars.push({
      priceDate: date,
      open: formatUnits(bar.open),
      high: formatUnits(bar.high),
      low: formatUnits(bar.low),
      close: formatUnits(bar.close),
      volume: String(bar.volume),
      vwap: formatUnits(vwapMicros(ticks.price, ticks.volume), 6),
    });
    if (encoder.length >= CHUNK_BYTES) yield encoder.take();
  }
  if (encoder.length > 0) yield encoder.take();
}
