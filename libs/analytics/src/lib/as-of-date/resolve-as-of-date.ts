import { addDays, isBusinessDay, IsoDate, parseIsoDate } from '@securities/market-sim';

/** The first and last day the data holds (both trading days). */
export interface DataRange {
  first: IsoDate;
  last: IsoDate;
}

export interface AsOfDate {
  /** The date asked for. */
  requestedDate: IsoDate;
  /** The trading day answered: the requested date, or the last trading day before it. */
  asOfDate: IsoDate;
  /** True when the requested date was not a trading day (a weekend or a holiday). */
  rolledBack: boolean;
}

/** Raised for a date outside the data; carries the range so the caller can name it. */
export class DateOutsideDataError extends Error {
  override name = 'DateOutsideDataError';

  constructor(
    readonly requestedDate: IsoDate,
    readonly range: DataRange,
  ) {
    super(`${requestedDate} is outside the data: it holds ${range.first} .. ${range.last}`);
  }
}

/**
 * The trading day a date stands for: itself when it is a trading day, else the previous one (a
 * Saturday answers as of Friday's close). A date before the first or after the last day of the
 * data is an error, even a weekend right after the last day: the data says nothing about it.
 * `isTradingDay` is the platform calendar (every weekday), the one the generator writes days by.
 */
export function resolveAsOfDate(
  requestedDate: IsoDate,
  range: DataRange,
  isTradingDay: (date: IsoDate) => boolean = isBusinessDay,
): AsOfDate {
  parseIsoDate(requestedDate);
  if (requestedDate < range.first || requestedDate > range.last) {
    throw new DateOutsideDataError(requestedDate, range);
  }
  let asOfDate = requestedDate;
  while (asOfDate >= range.first && !isTradingDay(asOfDate)) asOfDate = addDays(asOfDate, -1);
  if (asOfDate < range.first) throw new DateOutsideDataError(requestedDate, range);
  return { requestedDate, asOfDate, rolledBack: asOfDate !== requestedDate };
}
