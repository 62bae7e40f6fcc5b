import { businessDaysBetween } from '@securities/market-sim';
import { buildMarketFactors } from '../src';
import { simulateSecurityPath } from '../src/lib/prices/security-path';

describe('a stock split in the daily path (SEC-0003: 4-for-1, ex-date 2025-02-07)', () => {
  const days = businessDaysBetween('2024-12-30', '2025-03-31');
  const pinned = (close: number) => ({
    open: close,
    high: close,
    low: close,
    close,
    volume: 1_000,
    vwapText: '0',
  });
  const path = simulateSecurityPath(
    {
      securityId: 'SEC-0003',
      securityType: 'EQUITY',
      currency: 'USD',
      sector: 'Technology',
      issueDate: '2001-01-01',
      maturityDate: null,
      couponRate: null,
      // Before the split the stock trades near 400, after it near 100.
      pinnedBars: new Map([
        ['2024-12-31', pinned(4_000_000)],
        ['2025-03-31', pinned(1_000_000)],
      ]),
      splits: [{ exDate: '2025-02-07', ratio: 4 }],
    },
    days,
    buildMarketFactors(7, days.length, ['Technology'], ['USD']),
    7,
  );
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
});
