import { addDays, dayOfWeek, IsoDate, parseIsoDate } from './iso-date';

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The platform's trading calendar: every weekday is a business day. Exchange holidays are not
 * modelled, which is what gives the seed's 1,369 trading days from 2020-01-01 to 2025-03-31.
 */
export function isBusinessDay(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day !== SATURDAY && day !== SUNDAY;
}

/** Every business day from `from` to `to`, both included, in order. */
export function businessDaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  parseIsoDate(to);
  const days: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isBusinessDay(date)) days.push(date);
  }
  return days;
}

export function nextBusinessDay(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while (!isBusinessDay(next)) next = addDays(next, 1);
  return next;
}

export function previousBusinessDay(date: IsoDate): IsoDate {
  let previous = addDays(date, -1);
  while (!isBusinessDay(previous)) previous = addDays(previous, -1);
  return previous;
}

/** The date itself when it is a business day, otherwise the next one (the "following" rule). */
export function rollToBusinessDay(date: IsoDate): IsoDate {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}

/** `count` business days after the date (before it when negative). */
export function addBusinessDays(date: IsoDate, count: number): IsoDate {
  let result = date;
  for (let i = 0; i < Math.abs(count); i++) {
    result = count > 0 ? nextBusinessDay(result) : previousBusinessDay(result);
  }
  return result;
}
