import { resolveMoment, resolveTimeRange } from './time-range';

const SPAN = { first: '2024-12-31', last: '2025-03-31' };

describe('resolving from/to against the data', () => {
  it('defaults to the whole data: the first day from its start, the last to its end', () => {
    expect(resolveTimeRange({}, SPAN)).toEqual({
      from: { date: '2024-12-31', micros: 0 },
      to: { date: '2025-03-31', micros: 86_399_999_999 },
    });
  });

  it('includes the whole day of a date `to` and starts a date `from` at midnight', () => {
    expect(resolveTimeRange({ from: '2025-03-03', to: '2025-03-07' }, SPAN)).toEqual({
      from: { date: '2025-03-03', micros: 0 },
      to: { date: '2025-03-07', micros: 86_399_999_999 },
    });
  });

  it('takes moments as they are, both ends included', () => {
    expect(resolveTimeRange({ from: '2025-03-03T09:30', to: '2025-03-03T10:00' }, SPAN)).toEqual({
      from: { date: '2025-03-03', micros: 34_200_000_000 },
      to: { date: '2025-03-03', micros: 36_000_000_000 },
    });
  });

  it('accepts a range reaching past the data (a whole year) as long as it overlaps it', () => {
    expect(resolveTimeRange({ from: '2025-01-01', to: '2025-12-31' }, SPAN).to.date).toBe(
      '2025-12-31',
    );
  });

  it.each([
    [{ from: '2025-04-01' }, 'from (2025-04-01) is after the last day of market data (2025-03-31)'],
    [{ to: '2024-12-30' }, 'to (2024-12-30) is before the first day of market data (2024-12-31)'],
    [
      { from: '2025-03-07', to: '2025-03-03' },
      'from (2025-03-07) must not be after to (2025-03-03)',
    ],
    [
      { from: '2025-03-03T10:00', to: '2025-03-03T09:59:59' },
      'from (2025-03-03T10:00) must not be after to (2025-03-03T09:59:59)',
    ],
  ])('refuses %j', (parameters, message) => {
    expect(() => resolveTimeRange(parameters, SPAN)).toThrow(message);
  });

  it('reads a moment: a date is its last microsecond, nothing is the end of the data', () => {
    expect(resolveMoment('2025-03-03', 'at', SPAN)).toEqual({
      date: '2025-03-03',
      micros: 86_399_999_999,
    });
    expect(resolveMoment('2025-03-03T12:00', 'at', SPAN)).toEqual({
      date: '2025-03-03',
      micros: 43_200_000_000,
    });
    expect(resolveMoment(undefined, 'at', SPAN)).toEqual({
      date: '2025-03-31',
      micros: 86_399_999_999,
    });
  });

  it('refuses a moment outside the data', () => {
    expect(() => resolveMoment('2024-12-30', 'at', SPAN)).toThrow(
      'at (2024-12-30) is before the first day of market data (2024-12-31)',
    );
    expect(() => resolveMoment('2025-04-01T09:30', 'at', SPAN)).toThrow(
      'at (2025-04-01T09:30) is after the last day of market data (2025-03-31)',
    );
  });
});
