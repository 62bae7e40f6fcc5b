import { DateOutsideDataError, resolveAsOfDate } from '../../index';

// The tiny profile's range: Tuesday 2024-12-31 .. Monday 2025-03-31.
const range = { first: '2024-12-31', last: '2025-03-31' };

describe('resolveAsOfDate', () => {
  it('answers a trading day as itself', () => {
    expect(resolveAsOfDate('2025-02-12', range)).toEqual({
      requestedDate: '2025-02-12',
      asOfDate: '2025-02-12',
      rolledBack: false,
    });
  });

  it.each([
    ['2025-02-15', '2025-02-14'], // Saturday -> Friday
    ['2025-02-16', '2025-02-14'], // Sunday -> Friday
  ])('answers the weekend day %s as of the Friday before, %s, and says so', (requested, friday) => {
    expect(resolveAsOfDate(requested, range)).toEqual({
      requestedDate: requested,
      asOfDate: friday,
      rolledBack: true,
    });
  });

  it('answers a holiday as of the trading day before, on a calendar that has holidays', () => {
    // New Year's Day closed: Wednesday 2025-01-01 -> Tuesday 2024-12-31.
    const withNewYear = (date: string) =>
      date !== '2025-01-01' && ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(resolveAsOfDate('2025-01-01', range, withNewYear)).toEqual({
      requestedDate: '2025-01-01',
      asOfDate: '2024-12-31',
      rolledBack: true,
    });
  });

  it('answers the first and the last day of the data', () => {
    expect(resolveAsOfDate('2024-12-31', range).asOfDate).toBe('2024-12-31');
    expect(resolveAsOfDate('2025-03-31', range).asOfDate).toBe('2025-03-31');
  });

  it.each([
    ['2024-12-30', 'the day before the first'],
    ['2024-12-29', 'a Sunday before the first (its Friday is outside too)'],
    ['2025-04-01', 'the day after the last'],
    ['2025-04-05', 'a Saturday after the last'],
  ])('refuses %s (%s), naming the range', (requested) => {
    expect(() => resolveAsOfDate(requested, range)).toThrow(DateOutsideDataError);
    expect(() => resolveAsOfDate(requested, range)).toThrow(
      `${requested} is outside the data: it holds 2024-12-31 .. 2025-03-31`,
    );
  });

  it('refuses a weekend whose previous trading day falls before a first day that is a Monday', () => {
    expect(() =>
      resolveAsOfDate('2025-01-05', { first: '2025-01-06', last: '2025-03-31' }),
    ).toThrow(DateOutsideDataError);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => resolveAsOfDate('2025-02-30', range)).toThrow(
      'not a date in the form YYYY-MM-DD: "2025-02-30"',
    );
  });
});
