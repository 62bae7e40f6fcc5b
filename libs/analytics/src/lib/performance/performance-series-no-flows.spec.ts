import { performanceSeries } from '../../index';
import { pointsAsText } from '../../testing/points-as-text';

describe('performanceSeries: holdings that only move with prices', () => {
  it('gives each day its market-value change as P&L and links +1 % and -1 % to -0.01 %', () => {
    // 1,000,000.00 -> 1,010,000.00: pnl 10,000.00, r = 10,000 / 1,000,000 = 0.01
    // 1,010,000.00 ->   999,900.00: pnl -10,100.00, r = -10,100 / 1,010,000 = -0.01
    // cumulative: 1.01 * 0.99 - 1 = -0.0001, with no flows the same as 999,900 / 1,000,000 - 1
    const points = performanceSeries(
      {
        days: [
          { date: '2025-01-06', marketValue: '1000000.00' },
          { date: '2025-01-07', marketValue: '1010000.00' },
          { date: '2025-01-08', marketValue: '999900.00' },
        ],
        trades: [],
        distributions: [],
      },
      '1d',
    );

    expect(pointsAsText(points)).toEqual([
      {
        date: '2025-01-06',
        marketValue: '1000000.00',
        netFlows: '0.00',
        income: '0.00',
        pnl: '0.00',
        periodReturn: '0',
        cumulativeReturn: '0',
      },
      {
        date: '2025-01-07',
        marketValue: '1010000.00',
        netFlows: '0.00',
        income: '0.00',
        pnl: '10000.00',
        periodReturn: '0.01',
        cumulativeReturn: '0.01',
      },
      {
        date: '2025-01-08',
        marketValue: '999900.00',
        netFlows: '0.00',
        income: '0.00',
        pnl: '-10100.00',
        periodReturn: '-0.01',
        cumulativeReturn: '-0.0001',
      },
    ]);
  });

  it('answers a one-day range with the base point alone', () => {
    const points = performanceSeries(
      { days: [{ date: '2025-01-06', marketValue: '5.00' }], trades: [], distributions: [] },
      '1mo',
    );
    expect(pointsAsText(points)).toEqual([
      {
        date: '2025-01-06',
        marketValue: '5.00',
        netFlows: '0.00',
        income: '0.00',
        pnl: '0.00',
        periodReturn: '0',
        cumulativeReturn: '0',
      },
    ]);
  });
});
