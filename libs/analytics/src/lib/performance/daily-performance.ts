import { IsoDate } from '@securities/market-sim';
import { ExactDecimal, roundToCents } from '@securities/variance';
import Decimal from 'decimal.js';
import { AnalyticsInputError } from '../analytics-input-error';
import { readAmount } from '../decimal-input';
import { PerformanceInput } from './performance.types';

/** One trading day after the base: its close and what happened during it, all in USD. */
export interface DailyPerformance {
  date: IsoDate;
  marketValue: Decimal;
  netFlows: Decimal;
  income: Decimal;
  pnl: Decimal;
  /** pnl / (previous market value + net flows); null when that capital is not positive. */
  dailyReturn: Decimal | null;
}

const ZERO = new ExactDecimal(0);

/** Sums amounts per day of the series, refusing a date the series does not have after its base. */
function sumByDay<T extends { date: IsoDate }>(
  items: readonly T[],
  days: ReadonlyMap<IsoDate, number>,
  what: string,
  amountOf: (item: T, field: string) => Decimal,
): Decimal[] {
  const sums = Array.from({ length: days.size }, () => ZERO);
  items.forEach((item, index) => {
    const field = `${what}[${index}]`;
    const day = days.get(item.date);
    if (day === undefined || day === 0) {
      throw new AnalyticsInputError(
        `${field}.date`,
        `must be a day of the series after its first, got ${item.date}`,
      );
    }
    sums[day] = sums[day].plus(amountOf(item, field));
  });
  return sums.map(roundToCents);
}

/**
 * The day-by-day performance of the holdings. Trades are taken to happen at the start of their
 * day, so the day's capital is the previous close plus the net flows, and the day's gain is the
 * change in market value less the net flows plus the cash paid out:
 *   pnl_t = MV_t - MV_{t-1} - F_t + I_t,  r_t = pnl_t / (MV_{t-1} + F_t).
 * Flows and income are rounded to cents per day, so the identity holds exactly in cents.
 */
export function dailyPerformance(input: PerformanceInput): DailyPerformance[] {
  const { days } = input;
  if (days.length === 0) throw new AnalyticsInputError('days', 'must hold at least one day');
  days.forEach((day, i) => {
    if (i > 0 && day.date <= days[i - 1].date) {
      throw new AnalyticsInputError(
        `days[${i}].date`,
        `must come after ${days[i - 1].date}, got ${day.date}`,
      );
    }
  });
  const index = new Map(days.map((day, i) => [day.date, i]));
  const marketValues = days.map((day, i) => readAmount(day.marketValue, `days[${i}].marketValue`));
  const flows = sumByDay(input.trades, index, 'trades', (trade, field) => {
    const notional = readAmount(trade.quantity, `${field}.quantity`)
      .times(readAmount(trade.price, `${field}.price`))
      .times(readAmount(trade.priceFactor, `${field}.priceFactor`));
    // A purchase brings money into the holdings, a sale takes it out; the fees are paid in either way.
    const signed = trade.side === 'BUY' ? notional : notional.negated();
    return signed
      .plus(readAmount(trade.fees, `${field}.fees`))
      .times(readAmount(trade.fxRate, `${field}.fxRate`));
  });
  const income = sumByDay(input.distributions, index, 'distributions', (paid, field) =>
    readAmount(paid.quantity, `${field}.quantity`)
      .times(readAmount(paid.amountPerUnit, `${field}.amountPerUnit`))
      .times(readAmount(paid.priceFactor, `${field}.priceFactor`))
      .times(readAmount(paid.fxRate, `${field}.fxRate`)),
  );

  return days.slice(1).map((day, i) => {
    const t = i + 1;
    const capital = marketValues[t - 1].plus(flows[t]);
    const pnl = marketValues[t]
      .minus(marketValues[t - 1])
      .minus(flows[t])
      .plus(income[t]);
    return {
      date: day.date,
      marketValue: marketValues[t],
      netFlows: flows[t],
      income: income[t],
      pnl,
      dailyReturn: capital.gt(0) ? pnl.dividedBy(capital) : null,
    };
  });
}
