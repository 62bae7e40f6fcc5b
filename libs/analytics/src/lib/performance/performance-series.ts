import { bucketStart, startOfDay } from '@securities/market-data';
import { IsoDate } from '@securities/market-sim';
import { ExactDecimal, ROUNDING_MODE } from '@securities/variance';
import Decimal from 'decimal.js';
import { readAmount } from '../decimal-input';
import { DailyPerformance, dailyPerformance } from './daily-performance';
import { PerformanceInterval } from '@securities/vocabulary';
import { PerformanceInput, PerformancePoint, RETURN_DECIMAL_PLACES } from './performance.types';

const ZERO = new ExactDecimal(0);
const ONE = new ExactDecimal(1);

/** The day, ISO week or month a day falls in: the same buckets as the daily, weekly and monthly bars. */
const bucketOf = (date: IsoDate, interval: PerformanceInterval) =>
  bucketStart(interval, startOfDay(date)).date;

/** Growth factor of a run of days (product of 1 + r), or null when any day's return is undefined. */
function growthOf(days: readonly DailyPerformance[]): Decimal | null {
  let growth: Decimal | null = ONE;
  for (const day of days) {
    growth = growth && day.dailyReturn ? growth.times(ONE.plus(day.dailyReturn)) : null;
  }
  return growth;
}

const reportedReturn = (growth: Decimal | null) =>
  growth && growth.minus(ONE).toDecimalPlaces(RETURN_DECIMAL_PLACES, ROUNDING_MODE);

const sum = (days: readonly DailyPerformance[], amount: (day: DailyPerformance) => Decimal) =>
  days.reduce((total, day) => total.plus(amount(day)), ZERO);

/**
 * The performance series of a portfolio's holdings: the first day is the base (zero flows, zero
 * return); every later point closes a day, an ISO week or a calendar month (the last point may
 * close a part of one) and carries the flows, income and P&L since the previous point. Returns are
 * time-weighted: daily returns with flows at the start of the day (see `dailyPerformance`), linked
 * geometrically within the point and since the base, and rounded only when reported.
 */
export function performanceSeries(
  input: PerformanceInput,
  interval: PerformanceInterval,
): PerformancePoint[] {
  const daily = dailyPerformance(input);
  const base = input.days[0];
  const points: PerformancePoint[] = [
    {
      date: base.date,
      marketValue: readAmount(base.marketValue, 'days[0].marketValue'),
      netFlows: ZERO,
      income: ZERO,
      pnl: ZERO,
      periodReturn: ZERO,
      cumulativeReturn: ZERO,
    },
  ];
  let cumulative: Decimal | null = ONE;
  let start = 0;
  daily.forEach((day, i) => {
    const next = daily[i + 1];
    if (next && bucketOf(next.date, interval) === bucketOf(day.date, interval)) return;
    const bucket = daily.slice(start, i + 1);
    start = i + 1;
    const growth = growthOf(bucket);
    cumulative = cumulative && growth && cumulative.times(growth);
    points.push({
      date: day.date,
      marketValue: day.marketValue,
      netFlows: sum(bucket, (d) => d.netFlows),
      income: sum(bucket, (d) => d.income),
      pnl: sum(bucket, (d) => d.pnl),
      periodReturn: reportedReturn(growth),
      cumulativeReturn: reportedReturn(cumulative),
    });
  });
  return points;
}
