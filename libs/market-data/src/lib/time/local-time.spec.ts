import fc from 'fast-check';
import { formatLocalTime, MICROS_PER_DAY, parseMarketTime, readLocalTime } from './local-time';

describe('exchange-local times in parameters', () => {
  it.each([
    ['2025-03-03', { kind: 'date', date: '2025-03-03' }],
    ['2025-03-03T09:30', { kind: 'time', time: { date: '2025-03-03', micros: 34_200_000_000 } }],
    ['2025-03-03T09:30:20', { kind: 'time', time: { date: '2025-03-03', micros: 34_220_000_000 } }],
    [
      '2025-03-03 09:30:20.5',
      { kind: 'time', time: { date: '2025-03-03', micros: 34_220_500_000 } },
    ],
    [
      '2025-03-03T23:59:59.999999',
      { kind: 'time', time: { date: '2025-03-03', micros: MICROS_PER_DAY - 1 } },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseMarketTime(text, 'from')).toEqual(expected);
  });

  it.each([
    ['2025-03-03T09:30:00Z', 'from is exchange-local time and takes no time zone'],
    ['2025-03-03T09:30:00+01:00', 'from is exchange-local time and takes no time zone'],
    ['2025-03-03T09:30:00 01:00', 'from is exchange-local time and takes no time zone'],
    ['2025-02-30', 'from must be a real calendar date, got "2025-02-30"'],
    ['2025-02-30T10:00', 'from must be a real calendar date, got "2025-02-30T10:00"'],
    ['2025-03-03T24:00', 'from must be a real time of day, got "2025-03-03T24:00"'],
    ['2025-03-03T09:60', 'from must be a real time of day'],
    ['03/03/2025', 'from must be a date (YYYY-MM-DD) or an exchange-local time'],
    ['2025-03-03T09:30:00.1234567', 'from must be a date (YYYY-MM-DD) or an exchange-local time'],
    ['yesterday', 'from must be a date (YYYY-MM-DD) or an exchange-local time'],
  ])('refuses %s, naming the parameter', (text, message) => {
    expect(() => parseMarketTime(text, 'from')).toThrow(message);
  });

  it('writes whole seconds without a fraction and trims a fraction', () => {
    expect(formatLocalTime({ date: '2025-03-03', micros: 34_200_000_000 })).toBe(
      '2025-03-03T09:30:00',
    );
    expect(formatLocalTime({ date: '2025-03-03', micros: 34_200_120_000 })).toBe(
      '2025-03-03T09:30:00.12',
    );
    expect(formatLocalTime({ date: '2025-03-03', micros: 1 })).toBe('2025-03-03T00:00:00.000001');
  });

  it('reads back every time it writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: MICROS_PER_DAY - 1 }),
        (day, micros) => {
          const time = { date: day.toISOString().slice(0, 10), micros };
          expect(readLocalTime(formatLocalTime(time))).toEqual(time);
        },
      ),
    );
  });

  it('reads nothing from a malformed key', () => {
    expect(readLocalTime('2025-03-03')).toBeUndefined();
    expect(readLocalTime('not a time')).toBeUndefined();
  });
});
