import { AnalyticsInputError, performanceSeries, Trade } from '../../index';

const days = [
  { date: '2025-03-03', marketValue: '100.00' },
  { date: '2025-03-04', marketValue: '101.00' },
];
const trade: Trade = {
  date: '2025-03-04',
  side: 'BUY',
  quantity: 1,
  price: 1,
  fees: 0,
  priceFactor: 1,
  fxRate: 1,
};

describe('performanceSeries: unusable input fails loudly, naming the input', () => {
  it.each([
    [{ days: [], trades: [], distributions: [] }, 'days must hold at least one day'],
    [
      { days: [days[1], days[0]], trades: [], distributions: [] },
      'days[1].date must come after 2025-03-04, got 2025-03-03',
    ],
    [
      { days, trades: [{ ...trade, date: '2025-03-08' }], distributions: [] },
      'trades[0].date must be a day of the series after its first, got 2025-03-08',
    ],
    [
      { days, trades: [{ ...trade, date: '2025-03-03' }], distributions: [] },
      'trades[0].date must be a day of the series after its first, got 2025-03-03',
    ],
    [
      { days, trades: [{ ...trade, price: 'abc' }], distributions: [] },
      'trades[0].price must be a finite decimal number, got abc',
    ],
    [
      { days: [{ date: '2025-03-03', marketValue: 'NaN' }], trades: [], distributions: [] },
      'days[0].marketValue must be a finite decimal number, got NaN',
    ],
  ])('%#: %s', (input, message) => {
    expect(() => performanceSeries(input, '1d')).toThrow(AnalyticsInputError);
    expect(() => performanceSeries(input, '1d')).toThrow(message);
  });
});
