import fc from 'fast-check';
import { compareLocalTime, formatLocalTime, LocalTime, MICROS_PER_DAY } from '../time/local-time';
import { BAR_INTERVALS, BarInterval, INTRADAY_INTERVALS } from '@securities/vocabulary';
import { bucketStart, INTRADAY_MINUTES, nextBucketStart, rollsUpInto } from './bar-interval';

const at = (text: string): LocalTime => {
  const [date, clock = '00:00:00'] = text.split('T');
  const [h, m, s] = clock.split(':').map(Number);
  return { date, micros: ((h * 60 + m) * 60 + s) * 1_000_000 };
};
const start = (interval: BarInterval, text: string) =>
  formatLocalTime(bucketStart(interval, at(text)));

describe('bucket rules (aligned on clock time from midnight, as time_bucket)', () => {
  it.each<[BarInterval, string, string]>([
    ['1m', '2025-03-03T09:30:00', '2025-03-03T09:30:00'],
    ['1m', '2025-03-03T09:30:40', '2025-03-03T09:30:00'],
    ['5m', '2025-03-03T09:34:40', '2025-03-03T09:30:00'],
    ['15m', '2025-03-03T09:44:40', '2025-03-03T09:30:00'],
    ['30m', '2025-03-03T09:59:40', '2025-03-03T09:30:00'],
    // The 1h bar starting 09:00 holds 09:30:00 .. 09:59:40 (CONTRACTS.md "Bars").
    ['1h', '2025-03-03T09:30:00', '2025-03-03T09:00:00'],
    ['1h', '2025-03-03T09:59:40', '2025-03-03T09:00:00'],
    ['1h', '2025-03-03T15:59:40', '2025-03-03T15:00:00'],
    ['1d', '2025-03-03T15:59:40', '2025-03-03T00:00:00'],
    // ISO weeks start on Monday: Wednesday 5 and Sunday 9 March 2025 belong to Monday the 3rd.
    ['1w', '2025-03-05T10:00:00', '2025-03-03T00:00:00'],
    ['1w', '2025-03-09T10:00:00', '2025-03-03T00:00:00'],
    ['1w', '2025-03-03T00:00:00', '2025-03-03T00:00:00'],
    ['1w', '2025-01-01T09:30:00', '2024-12-30T00:00:00'],
    ['1mo', '2025-03-31T15:59:40', '2025-03-01T00:00:00'],
  ])('%s bar of %s starts %s', (interval, time, expected) => {
    expect(start(interval, time)).toBe(expected);
  });

  it.each<[BarInterval, string, string]>([
    ['1m', '2025-03-03T09:30:00', '2025-03-03T09:31:00'],
    ['1h', '2025-03-03T23:00:00', '2025-03-04T00:00:00'],
    ['1d', '2025-02-28T00:00:00', '2025-03-01T00:00:00'],
    ['1w', '2024-12-30T00:00:00', '2025-01-06T00:00:00'],
    ['1mo', '2025-01-01T00:00:00', '2025-02-01T00:00:00'],
    ['1mo', '2024-12-01T00:00:00', '2025-01-01T00:00:00'],
  ])('the %s bar after %s starts %s', (interval, time, expected) => {
    expect(formatLocalTime(nextBucketStart(interval, at(time)))).toBe(expected);
  });

  const anyTime = fc.record({
    date: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    micros: fc.integer({ min: 0, max: MICROS_PER_DAY - 1 }),
  });

  it('every time lies in exactly one bar: start <= time < next start, and a start is its own bucket', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BAR_INTERVALS), anyTime, (interval, time) => {
        const first = bucketStart(interval, time);
        expect(compareLocalTime(first, time)).toBeLessThanOrEqual(0);
        expect(compareLocalTime(time, nextBucketStart(interval, first))).toBeLessThan(0);
        expect(bucketStart(interval, first)).toEqual(first);
      }),
    );
  });

  it('intraday buckets equal flooring the epoch milliseconds (a naive reference)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INTRADAY_INTERVALS), anyTime, (interval, time) => {
        const width = INTRADAY_MINUTES[interval] * 60_000;
        const ms = Date.parse(`${time.date}T00:00:00Z`) + Math.floor(time.micros / 1000);
        const expected = new Date(Math.floor(ms / width) * width).toISOString().slice(0, 19);
        expect(formatLocalTime(bucketStart(interval, time))).toBe(expected);
      }),
    );
  });

  it('weekly buckets start on the Monday on or before the day (walking back day by day)', () => {
    fc.assert(
      fc.property(anyTime, (time) => {
        const day = new Date(`${time.date}T00:00:00Z`);
        while (day.getUTCDay() !== 1) day.setUTCDate(day.getUTCDate() - 1);
        expect(bucketStart('1w', time).date).toBe(day.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('which bars re-aggregate into which', () => {
  it.each<[BarInterval, BarInterval, boolean]>([
    ['1m', '5m', true],
    ['5m', '15m', true],
    ['5m', '1h', true],
    ['15m', '30m', true],
    ['15m', '1h', true],
    ['30m', '15m', false],
    ['1h', '30m', false],
    ['1h', '1d', true],
    ['1m', '1mo', true],
    ['1d', '1w', true],
    ['1d', '1mo', true],
    ['1d', '1h', false],
    ['1w', '1mo', false],
    ['1mo', '1w', false],
    ['1w', '1w', true],
  ])('%s into %s: %s', (source, target, expected) => {
    expect(rollsUpInto(source, target)).toBe(expected);
  });
});
