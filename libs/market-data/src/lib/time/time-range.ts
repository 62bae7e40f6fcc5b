import { IsoDate } from '@securities/market-sim';
import { MarketDataInputError } from '../market-data-input-error';
import { compareLocalTime, endOfDay, LocalTime, parseMarketTime, startOfDay } from './local-time';

/** The first and last day with market data (pricing_history), which ranges must overlap. */
export interface DataSpan {
  first: IsoDate;
  last: IsoDate;
}

/** A closed range of exchange-local time: both ends included. */
export interface TimeRange {
  from: LocalTime;
  to: LocalTime;
}

/**
 * `from`/`to` as the API reads them: a date `from` is that day's start, a date `to` its end (so
 * `to=2025-03-07` includes the 7th); omitted, they are the ends of the data. A range that does not
 * overlap the data at all, or runs backwards, is an error naming the parameter.
 */
export function resolveTimeRange(
  parameters: { from?: string; to?: string },
  span: DataSpan,
): TimeRange {
  const fromText = parameters.from ?? span.first;
  const toText = parameters.to ?? span.last;
  const from = parseMarketTime(fromText, 'from');
  const to = parseMarketTime(toText, 'to');
  const range: TimeRange = {
    from: from.kind === 'date' ? startOfDay(from.date) : from.time,
    to: to.kind === 'date' ? endOfDay(to.date) : to.time,
  };
  if (compareLocalTime(range.from, endOfDay(span.last)) > 0) {
    throw new MarketDataInputError(
      'from',
      `(${fromText}) is after the last day of market data (${span.last})`,
    );
  }
  if (compareLocalTime(range.to, startOfDay(span.first)) < 0) {
    throw new MarketDataInputError(
      'to',
      `(${toText}) is before the first day of market data (${span.first})`,
    );
  }
  if (compareLocalTime(range.from, range.to) > 0) {
    throw new MarketDataInputError('from', `(${fromText}) must not be after to (${toText})`);
  }
  return range;
}

/** A single moment (`at`): a date means the end of that day; omitted, the end of the data. */
export function resolveMoment(
  text: string | undefined,
  parameter: string,
  span: DataSpan,
): LocalTime {
  if (text === undefined) return endOfDay(span.last);
  const parsed = parseMarketTime(text, parameter);
  const moment = parsed.kind === 'date' ? endOfDay(parsed.date) : parsed.time;
  if (compareLocalTime(moment, startOfDay(span.first)) < 0) {
    throw new MarketDataInputError(
      parameter,
      `(${text}) is before the first day of market data (${span.first})`,
    );
  }
  if (compareLocalTime(moment, endOfDay(span.last)) > 0) {
    throw new MarketDataInputError(
      parameter,
      `(${text}) is after the last day of market data (${span.last})`,
    );
  }
  return moment;
}
