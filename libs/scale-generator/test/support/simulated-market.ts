import { businessDaysBetween, IsoDate, SECTOR_NAMES } from '@securities/market-sim';
import { simulateSecurityDay, TickSource } from '../../src/lib/phases/security-ticks';
import { buildMarketFactors } from '../../src/lib/prices/market-factors';
import { ScaleSecurity, simulateSecurityPath } from '../../src/lib/prices/security-path';
import { DayTicks } from '../../src/lib/ticks/day-ticks';
import { SessionTicks } from './stylized-facts';

/** A share of the grown universe: no pinned bars, no splits. */
export function share(securityId: string, sector: string): ScaleSecurity {
  return {
    securityId,
    securityType: 'EQUITY',
    currency: 'USD',
    sector,
    issueDate: '2000-01-03',
    maturityDate: null,
    couponRate: null,
    pinnedBars: new Map(),
    splits: [],
  };
}

export interface SimulatedMarket {
  days: readonly IsoDate[];
  sources: (TickSource & { sector: string })[];
  /** One session's ticks, copied out of the generator's reused buffers. */
  session(source: TickSource, day: number): SessionTicks;
}

/** The scale generator's own processes, in memory: `count` shares over the sectors, days from..to. */
export function simulateMarket(
  seed: number,
  count: number,
  from: IsoDate,
  to: IsoDate,
): SimulatedMarket {
  const days = businessDaysBetween(from, to);
  const sectors = SECTOR_NAMES as readonly string[];
  const securities = Array.from({ length: count }, (_, i) =>
    share(`SEC-${String(9000 + i)}`, sectors[i % sectors.length]),
  );
  const factors = buildMarketFactors(seed, days.length, sectors, ['USD']);
  const ticks = new DayTicks();
  return {
    days,
    sources: securities.map((security) => ({
      securityId: security.securityId,
      sector: security.sector,
      pinnedBars: security.pinnedBars,
      path: simulateSecurityPath(security, days, factors, seed),
    })),
    session(source, day) {
      simulateSecurityDay(seed, source, days[day], day, ticks);
      return {
        price: ticks.price.slice(),
        volume: ticks.volume.slice(),
        bid: ticks.bid.slice(),
        ask: ticks.ask.slice(),
      };
    },
  };
}
