import { performanceSeries } from '../../index';
import { pointsAsText } from '../../testing/points-as-text';
import { PerformanceInput } from './performance.types';

// A 1,000,000 USD portfolio buys 9 million USD of a EUR stock one day and sells it two days later.
// Buy, 2025-02-04: 80,000 @ 102.50 EUR, fees 500.00 EUR, EUR/USD 1.0975
//   flow = (80,000 * 102.50 + 500.00) * 1.0975 = 8,200,500 * 1.0975 = 9,000,048.75
//   pnl  = 10,100,000.00 - 1,000,000.00 - 9,000,048.75 = 99,951.25
//   r    = 99,951.25 / (1,000,000.00 + 9,000,048.75) = 0.00999507627400316... -> 0.0099950763
//   (the value grew tenfold; with the flow at the start of the day the return is about 1 %)
// 2025-02-05, no trade: pnl = 101,000.00, r = 101,000 / 10,100,000 = 0.01
//   cumulative = 1.00999507627... * 1.01 - 1 = 0.02009502703... -> 0.0200950270
// Sell, 2025-02-06: 80,000 @ 104.00 EUR, fees 400.00 EUR, EUR/USD 1.10
//   flow = (-80,000 * 104.00 + 400.00) * 1.10 = -8,319,600 * 1.10 = -9,151,560.00
//   pnl  = 1,060,000.00 - 10,201,000.00 + 9,151,560.00 = 10,560.00
//   r    = 10,560 / (10,201,000.00 - 9,151,560.00) = 10,560 / 1,049,440 = 0.01006250952... -> 0.0100625095
//   cumulative = 1.02009502703... * 1.01006250952... - 1 = 0.03035974... -> 0.0303597430
const input: PerformanceInput = {
  days: [
    { date: '2025-02-03', marketValue: '1000000.00' },
    { date: '2025-02-04', marketValue: '10100000.00' },
    { date: '2025-02-05', marketValue: '10201000.00' },
    { date: '2025-02-06', marketValue: '1060000.00' },
  ],
  trades: [
    {
      date: '2025-02-04',
      side: 'BUY',
      quantity: '80000',
      price: '102.50',
      fees: '500.00',
      priceFactor: '1',
      fxRate: '1.0975',
    },
    {
      date: '2025-02-06',
      side: 'SELL',
      quantity: '80000',
      price: '104.00',
      fees: '400.00',
      priceFactor: '1',
      fxRate: '1.10',
    },
  ],
  distributions: [],
};

describe('performanceSeries: a day with a large trade', () => {
  it('counts the trade as a flow at the start of its day, so the return is not the jump in value', () => {
    expect(pointsAsText(performanceSeries(input, '1d')).slice(1)).toEqual([
      {
        date: '2025-02-04',
        marketValue: '10100000.00',
        netFlows: '9000048.75',
        income: '0.00',
        pnl: '99951.25',
        periodReturn: '0.0099950763',
        cumulativeReturn: '0.0099950763',
      },
      {
        date: '2025-02-05',
        marketValue: '10201000.00',
        netFlows: '0.00',
        income: '0.00',
        pnl: '101000.00',
        periodReturn: '0.01',
        cumulativeReturn: '0.020095027',
      },
      {
        date: '2025-02-06',
        marketValue: '1060000.00',
        netFlows: '-9151560.00',
        income: '0.00',
        pnl: '10560.00',
        periodReturn: '0.0100625095',
        cumulativeReturn: '0.030359743',
      },
    ]);
  });

  it('sums the flows and P&L of the week and links its daily returns into one', () => {
    // flows: 9,000,048.75 - 9,151,560.00 = -151,511.25; pnl: 99,951.25 + 101,000.00 + 10,560.00 = 211,511.25
    // and 1,060,000.00 - 1,000,000.00 = 60,000.00 = -151,511.25 + 211,511.25
    expect(pointsAsText(performanceSeries(input, '1w')).slice(1)).toEqual([
      {
        date: '2025-02-06',
        marketValue: '1060000.00',
        netFlows: '-151511.25',
        income: '0.00',
        pnl: '211511.25',
        periodReturn: '0.030359743',
        cumulativeReturn: '0.030359743',
      },
    ]);
  });
});
