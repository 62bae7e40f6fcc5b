import { businessDaysBetween } from '@securities/market-sim';
import { buildMarketFactors } from '../src';
import { PinnedBar, ScaleSecurity, simulateSecurityPath } from '../src/lib/prices/security-path';

describe('a stock split in the daily path (SEC-0003: 4-for-1, ex-date 2025-02-07)', () => {
  const days = businessDaysBetween('2024-12-30', '2025-03-31');
  const factors = buildMarketFactors(7, days.length, ['Technology'], ['USD']);
  const pinned = (close: number, volume: number): PinnedBar => ({
    open: close,
    high: close,
    low: close,
    close,
    volume,
    vwapText: '0',
  });
  const pathOf = (
    first: PinnedBar,
    last: PinnedBar,
    splits: ScaleSecurity['splits'],
    range: readonly string[] = days,
  ) =>
    simulateSecurityPath(
      {
        securityId: 'SEC-0003',
        securityType: 'EQUITY',
        currency: 'USD',
        sector: 'Technology',
        issueDate: '2001-01-01',
        maturityDate: null,
        couponRate: null,
        pinnedBars: new Map([
          ['2024-12-31', first],
          ['2025-03-31', last],
        ]),
        splits,
      },
      range,
      factors,
      7,
    );
  // Before the split the stock trades near 400 and 1,000 shares a day, after it near 100 and 4,000.
  const path = pathOf(pinned(4_000_000, 1_000), pinned(1_000_000, 4_000), [
    { exDate: '2025-02-07', ratio: 4 },
  ]);
  // The same stock had it always traded in post-split shares.
  const unsplit = pathOf(pinned(1_000_000, 4_000), pinned(1_000_000, 4_000), []);
  const at = (date: string) => days.indexOf(date);

  it('passes exactly through the pinned closes', () => {
    expect(path.closes[at('2024-12-31')]).toBe(4_000_000);
    expect(path.closes[at('2025-03-31')]).toBe(1_000_000);
  });

  it('opens at about a quarter of the previous close on the ex-date', () => {
    const ratio = path.closes[at('2025-02-06')] / path.opens[at('2025-02-07')];
    expect(ratio).toBeGreaterThan(3.8);
    expect(ratio).toBeLessThan(4.2);
  });

  it('trades a quarter of the post-split shares before the ex-date, the same from it on', () => {
    for (let i = 0; i < days.length; i++) {
      if (days[i] < '2025-02-07') {
        expect(Math.abs(path.volumes[i] - unsplit.volumes[i] / 4)).toBeLessThanOrEqual(1);
      } else {
        expect(path.volumes[i]).toBe(unsplit.volumes[i]);
      }
    }
    expect(unsplit.volumes[at('2025-02-07')]).toBeGreaterThan(100);
  });

  describe('over a range after the ex-date that misses the pinned dates', () => {
    const week = businessDaysBetween('2025-02-10', '2025-02-14');
    const last = week.length - 1;
    const weekPath = pathOf(
      pinned(4_000_000, 1_000),
      pinned(1_000_000, 4_000),
      [{ exDate: '2025-02-07', ratio: 4 }],
      week,
    );
    const weekUnsplit = pathOf(pinned(1_000_000, 4_000), pinned(1_000_000, 4_000), [], week);

    it('keeps the level of the first pinned close in post-split prices: 100, not 400', () => {
      expect(weekPath.closes[last]).toBe(1_000_000);
      expect(weekUnsplit.closes[last]).toBe(1_000_000);
    });

    it('trades post-split shares: about 4,000 a day, as the stock never split', () => {
      expect(weekPath.volumes).toEqual(weekUnsplit.volumes);
      expect(Math.max(...weekPath.volumes)).toBeGreaterThan(1_000);
    });
  });
});
