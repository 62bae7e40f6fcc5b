/** A calendar date as 'YYYY-MM-DD': the form of the schema's DATE columns, the CSVs and the API. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Midnight UTC of the date; throws on anything that is not a real 'YYYY-MM-DD' date. */
export function parseIsoDate(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!parsed || formatIsoDate(parsed) !== date) {
    throw new RangeError(`not a date in the form YYYY-MM-DD: "${date}"`);
  }
  return parsed;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * MS_PER_DAY));
}

/** Same day of the month `months` later (or earlier), clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const start = parseIsoDate(date);
  const firstOfTarget = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return formatIsoDate(firstOfTarget);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, 12 * years);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / MS_PER_DAY);
}

/** Actual days / 365: the time measure of the price processes and option pricing. */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) / 365;
}

/**
 * Days between two dates under the 30/360 bond basis (US): each month counts 30 days, so coupon
 * periods of a semi-annual bond are always 180 days long.
 */
export function days30360(from: IsoDate, to: IsoDate): number {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  const startDay = Math.min(start.getUTCDate(), 30);
  const endDay = end.getUTCDate() === 31 && startDay === 30 ? 30 : end.getUTCDate();
  return (
    360 * (end.getUTCFullYear() - start.getUTCFullYear()) +
    30 * (end.getUTCMonth() - start.getUTCMonth()) +
    (endDay - startDay)
  );
}

/** 0 = Sunday .. 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return parseIsoDate(date).getUTCDay();
}
