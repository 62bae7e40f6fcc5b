import { DEFAULT_HOLDINGS_SORT, nextSort, sortHoldings, weightBarPercent } from './holdings-table';

const holding = (security_id: string, ticker: string, market_value: number, weight: number) => ({
  security_id,
  ticker,
  security_name: `${ticker} Inc.`,
  quantity: 100,
  market_value,
  weight,
});

const rows = [
  holding('SEC-0002', 'beta', 300, 0.3),
  holding('SEC-0001', 'Alpha', 500, 0.5),
  holding('SEC-0003', 'gamma', -100, -0.1),
  holding('SEC-0004', 'delta', 300, 0.3),
];

describe('holdings table', () => {
  it('sorts by market value, largest first, ties by security id', () => {
    expect(sortHoldings(rows, DEFAULT_HOLDINGS_SORT).map((row) => row.security_id)).toEqual([
      'SEC-0001',
      'SEC-0002',
      'SEC-0004',
      'SEC-0003',
    ]);
  });

  it('sorts text without regard to case, and reverses on a second click', () => {
    const byTicker = nextSort(DEFAULT_HOLDINGS_SORT, 'ticker');
    expect(byTicker).toEqual({ column: 'ticker', direction: 'asc' });
    expect(sortHoldings(rows, byTicker).map((row) => row.ticker)).toEqual([
      'Alpha',
      'beta',
      'delta',
      'gamma',
    ]);
    expect(nextSort(byTicker, 'ticker')).toEqual({ column: 'ticker', direction: 'desc' });
    expect(nextSort(byTicker, 'weight')).toEqual({ column: 'weight', direction: 'desc' });
  });

  it('leaves the input as it was', () => {
    const before = rows.map((row) => row.security_id);
    sortHoldings(rows, { column: 'weight', direction: 'asc' });
    expect(rows.map((row) => row.security_id)).toEqual(before);
  });

  it('draws weights as bars relative to the largest, a short as long as its size', () => {
    expect(weightBarPercent(0.5, rows)).toBe(100);
    expect(weightBarPercent(0.3, rows)).toBeCloseTo(60, 12);
    expect(weightBarPercent(-0.1, rows)).toBeCloseTo(20, 12);
    expect(weightBarPercent(0, [])).toBe(0);
  });
});
