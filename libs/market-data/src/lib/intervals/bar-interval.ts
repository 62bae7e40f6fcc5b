import { addDays, addMonths, dayOfWeek } from '@securities/market-sim';
import { BarInterval, INTRADAY_INTERVALS, IntradayInterval } from '@securities/vocabulary';
import { LocalTime, MICROS_PER_DAY, MICROS_PER_MINUTE, startOfDay } from '../time/local-time';

/** Minutes per intraday bar; each divides a day, so buckets align on midnight like time_bucket. */
export const INTRADAY_MINUTES: Readonly<Record<IntradayInterval, number>> = {
  '1m': 1,
  '5m': 5,
  '15m': 15,
  '30m': 30,
  '1h': 60,
};

export function isIntraday(interval: BarInterval): interval is IntradayInterval {
  return (INTRADAY_INTERVALS as readonly string[]).includes(interval);
}

/**
 * The start of the bar holding `time`. Intraday bars align on clock time from midnight (the 1h bar
 * of 09:30 starts at 09:00), `1d` on the day, `1w` on the ISO week's Monday, `1mo` on the 1st.
 */
export function bucketStart(interval: BarInterval, time: LocalTime): LocalTime {
  if (isIntraday(interval)) {
    const width = INTRADAY_MINUTES[interval] * MICROS_PER_MINUTE;
    return { date: time.date, micros: Math.floor(time.micros / width) * width };
  }
  if (interval === '1d') return startOfDay(time.date);
  if (interval === '1w') return startOfDay(addDays(time.date, -((dayOfWeek(time.date) + 6) % 7)));
  return startOfDay(`${time.date.slice(0, 8)}01`);
}

/** The start of the bar after the one starting at `start` (which must be a bucket start). */
export function nextBucketStart(interval: BarInterval, start: LocalTime): LocalTime {
  if (isIntraday(interval)) {
    const micros = start.micros + INTRADAY_MINUTES[interval] * MICROS_PER_MINUTE;
    return micros < MICROS_PER_DAY
      ? { date: start.date, micros }
      : startOfDay(addDays(start.date, 1));
  }
  if (interval === '1d') return startOfDay(addDays(start.date, 1));
  if (interval === '1w') return startOfDay(addDays(start.date, 7));
  return startOfDay(addMonths(start.date, 1));
}

/**
 * Whether bars at `target` are exact unions of whole bars at `source`, so they can be re-aggregated
 * from them: 15m from 5m, 1h from 30m, a day from any intraday bar, a week or month from days.
 * (A month is no union of ISO weeks.)
 */
export function rollsUpInto(source: BarInterval, target: BarInterval): boolean {
  if (isIntraday(source)) {
    return !isIntraday(target) || INTRADAY_MINUTES[target] % INTRADAY_MINUTES[source] === 0;
  }
  if (source === '1d') return !isIntraday(target);
  return source === target;
}
