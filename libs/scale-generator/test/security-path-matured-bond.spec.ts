import { businessDaysBetween } from '@securities/market-sim';
import { buildMarketFactors } from '../src';
import { simulateSecurityDay } from '../src/lib/phases/security-ticks';
import { PinnedBar, simulateSecurityPath } from '../src/lib/prices/security-path';
import { DayTicks } from '../src/lib/ticks/day-ticks';
import { vwapMicros } from '../src/lib/ticks/tick-vwap';

/** 100.0000, in the 1e-4 units of pricing_history and tick_data. */
const PAR_UNITS = 1_000_000;

/**
 * The base set's maturing bond (SEC-0067 of seed 7: USD 2.625% due 2025-01-20) is redeemed at par
 * on its maturity date; its 2025-03-31 bar is the base set's redeemed day, flat at 100 with no
 * volume. Every day from the maturity date on must look the same, ticks included.
 */
describe('a bond in the scale path from its maturity date on', () => {
  const maturity = '2025-01-20';
  const days = businessDaysBetween('2024-12-31', '2025-03-31');
  const factors = buildMarketFactors(7, days.length, ['Industrials'], ['USD']);
  const bar = (open: number, high: number, low: number, close: number, volume: number) => ({
    open,
    high,
    low,
    close,
    volume,
  });
  const pinnedBars = new Map<string, PinnedBar>([
    [
      '2024-12-31',
      { ...bar(998_900, 999_400, 998_200, 998_600, 12_000_000), vwapText: '99.880000' },
    ],
    [
      '2025-03-31',
      { ...bar(PAR_UNITS, PAR_UNITS, PAR_UNITS, PAR_UNITS, 0), vwapText: '100.000000' },
    ],
  ]);
  const source = {
    securityId: 'SEC-0067',
    pinnedBars,
    path: simulateSecurityPath(
      {
        securityId: 'SEC-0067',
        securityType: 'BOND',
        currency: 'USD',
        sector: 'Industrials',
        issueDate: '2018-01-22',
        maturityDate: maturity,
        couponRate: 2.625,
        pinnedBars,
        splits: [],
      },
      days,
      factors,
      7,
    ),
  };
  const { path } = source;
  const redeemed = days.map((date, day) => ({ date, day })).filter(({ date }) => date >= maturity);

  it('still trades on the last day before maturity', () => {
    expect(path.volumes[days.indexOf('2025-01-17')]).toBeGreaterThan(0);
  });

  it('opens and closes at par with no volume and no move on every day from the maturity date', () => {
    // 10 weekdays left in January, 20 in February, 21 in March.
    expect(redeemed).toHaveLength(51);
    for (const { date, day } of redeemed) {
      expect({
        date,
        open: path.opens[day],
        close: path.closes[day],
        volume: path.volumes[day],
        sigma: path.sigmas[day],
        jump: path.jumps[day],
      }).toEqual({ date, open: PAR_UNITS, close: PAR_UNITS, volume: 0, sigma: 0, jump: 0 });
    }
  });

  it.each(['2025-01-20', '2025-02-14', '2025-03-31'])(
    'writes ticks at par with no volume or trades on %s, quoted on both sides, whose bar is 100 flat',
    (date) => {
      const ticks = new DayTicks();
      simulateSecurityDay(7, source, date, days.indexOf(date), ticks);
      expect(ticks.bar).toEqual(bar(PAR_UNITS, PAR_UNITS, PAR_UNITS, PAR_UNITS, 0));
      expect(new Set(ticks.price)).toEqual(new Set([PAR_UNITS]));
      expect(new Set(ticks.volume)).toEqual(new Set([0]));
      expect(new Set(ticks.tradeCount)).toEqual(new Set([0]));
      // The daily bar's vwap, as pricing_history stores it: 100.000000.
      expect(vwapMicros(ticks.price, ticks.volume)).toBe(100_000_000);
      // SPEC: bid <= price <= ask and bid < ask on every tick, traded or not.
      expect(ticks.bid.every((bid) => bid < PAR_UNITS)).toBe(true);
      expect(ticks.ask.every((ask) => ask > PAR_UNITS)).toBe(true);
    },
  );
});
