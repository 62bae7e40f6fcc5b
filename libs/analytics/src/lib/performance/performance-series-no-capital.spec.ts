import { performanceSeries } from '../../index';
import { pointsAsText } from '../../testing/points-as-text';

const returns = (points: ReturnType<typeof pointsAsText>) =>
  points.map(({ date, pnl, periodReturn, cumulativeReturn }) => ({
    date,
    pnl,
    periodReturn,
    cumulativeReturn,
  }));

describe('performanceSeries: capital that is zero or negative', () => {
  it('measures a first purchase from an empty portfolio on the money put in', () => {
    // Base value 0; buy 100 @ 10.00, fees 0: flow 1,000.00; value 1,010.00 -> pnl 10.00, r = 10 / 1,000 = 0.01
    const points = performanceSeries(
      {
        days: [
          { date: '2025-03-03', marketValue: '0' },
          { date: '2025-03-04', marketValue: '1010.00' },
        ],
        trades: [
          {
            date: '2025-03-04',
            side: 'BUY',
            quantity: 100,
            price: '10.00',
            fees: '0',
            priceFactor: 1,
            fxRate: 1,
          },
        ],
        distributions: [],
      },
      '1d',
    );
    expect(returns(pointsAsText(points))[1]).toEqual({
      date: '2025-03-04',
      pnl: '10.00',
      periodReturn: '0.01',
      cumulativeReturn: '0.01',
    });
  });

  it('leaves the return undefined (null) on a day without positive capital, and every cumulative one after', () => {
    // A short book worth -1,000.00 gains 10.00: capital -1,000 is not positive, so no return; the
    // next day has capital (a buy of 2,000.00) but the chain since the base is broken.
    const points = performanceSeries(
      {
        days: [
          { date: '2025-03-03', marketValue: '-1000.00' },
          { date: '2025-03-04', marketValue: '-990.00' },
          { date: '2025-03-05', marketValue: '1030.00' },
        ],
        trades: [
          {
            date: '2025-03-05',
            side: 'BUY',
            quantity: 200,
            price: '10.00',
            fees: '0',
            priceFactor: 1,
            fxRate: 1,
          },
        ],
        distributions: [],
      },
      '1d',
    );
    // 2025-03-05: pnl = 1,030 - (-990) - 2,000 = 20.00, r = 20 / (-990 + 2,000) = 20 / 1,010
    expect(returns(pointsAsText(points)).slice(1)).toEqual([
      { date: '2025-03-04', pnl: '10.00', periodReturn: null, cumulativeReturn: null },
      {
        date: '2025-03-05',
        pnl: '20.00',
        periodReturn: '0.0198019802',
        cumulativeReturn: null,
      },
    ]);
  });
});
