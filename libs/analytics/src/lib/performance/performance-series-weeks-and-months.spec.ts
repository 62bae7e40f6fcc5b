import { performanceSeries } from '../../index';
import { pointsAsText } from '../../testing/points-as-text';
import { PerformanceInput } from './performance.types';

// Wednesday 2025-01-29 .. Tuesday 2025-02-11 without trades: every return is a ratio of values.
const input: PerformanceInput = {
  days: [
    ['2025-01-29', '100.00'],
    ['2025-01-30', '110.00'],
    ['2025-01-31', '99.00'],
    ['2025-02-03', '99.00'],
    ['2025-02-04', '108.90'],
    ['2025-02-05', '108.90'],
    ['2025-02-06', '100.00'],
    ['2025-02-07', '120.00'],
    ['2025-02-10', '120.00'],
    ['2025-02-11', '90.00'],
  ].map(([date, marketValue]) => ({ date, marketValue })),
  trades: [],
  distributions: [],
};

const summary = (interval: '1w' | '1mo') =>
  pointsAsText(performanceSeries(input, interval)).map(
    ({ date, pnl, periodReturn, cumulativeReturn }) => ({
      date,
      pnl,
      periodReturn,
      cumulativeReturn,
    }),
  );

describe('performanceSeries: weekly and monthly points', () => {
  it('closes each ISO week on its last trading day and the range on its last day', () => {
    // week to Fri 01-31: 99 / 100 - 1 = -0.01; week to Fri 02-07: 120 / 99 - 1 = 0.21212121212... ;
    // the part week to Tue 02-11: 90 / 120 - 1 = -0.25; cumulative 0.99 * 1.2121... * 0.75 - 1 = -0.1
    expect(summary('1w')).toEqual([
      { date: '2025-01-29', pnl: '0.00', periodReturn: '0', cumulativeReturn: '0' },
      { date: '2025-01-31', pnl: '-1.00', periodReturn: '-0.01', cumulativeReturn: '-0.01' },
      { date: '2025-02-07', pnl: '21.00', periodReturn: '0.2121212121', cumulativeReturn: '0.2' },
      { date: '2025-02-11', pnl: '-30.00', periodReturn: '-0.25', cumulativeReturn: '-0.1' },
    ]);
  });

  it('closes each calendar month on its last trading day', () => {
    // January: 99 / 100 - 1 = -0.01; February so far: 90 / 99 - 1 = -0.0909090909...
    expect(summary('1mo')).toEqual([
      { date: '2025-01-29', pnl: '0.00', periodReturn: '0', cumulativeReturn: '0' },
      { date: '2025-01-31', pnl: '-1.00', periodReturn: '-0.01', cumulativeReturn: '-0.01' },
      { date: '2025-02-11', pnl: '-9.00', periodReturn: '-0.0909090909', cumulativeReturn: '-0.1' },
    ]);
  });
});
