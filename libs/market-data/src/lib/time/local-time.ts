import { IsoDate, parseIsoDate } from '@securities/market-sim';
import { MarketDataInputError } from '../market-data-input-error';

/**
 * A moment in exchange-local time (tick_time is `timestamp` without a zone, sessions 09:30-16:00),
 * exact to the microsecond as PostgreSQL keeps it: the calendar date and the microseconds since
 * its midnight.
 */
export interface LocalTime {
  date: IsoDate;
  micros: number;
}

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
export const MICROS_PER_DAY = 24 * 60 * MICROS_PER_MINUTE;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
// A '+' left unencoded in a query string arrives as a space: '...T12:00:00 02:00' is a zone too.
const ZONE_SUFFIX = /(Z|[+ -]\d{2}(:?\d{2})?)$/i;

/** What a `from`, `to` or `at` parameter said: a whole day, or a moment. */
export type MarketTimeParameter =
  { kind: 'date'; date: IsoDate } | { kind: 'time'; time: LocalTime };

function checkedDate(date: string, parameter: string, text: string): IsoDate {
  try {
    parseIsoDate(date);
  } catch {
    throw new MarketDataInputError(parameter, `must be a real calendar date, got "${text}"`);
  }
  return date;
}

/**
 * Reads `2025-03-03`, `2025-03-03T09:30`, `2025-03-03T09:30:20` or `2025-03-03T09:30:20.5`. A zone
 * (`Z`, `+01:00`) is refused rather than ignored: the data has none, and converting silently would
 * shift the answer by hours.
 */
export function parseMarketTime(text: string, parameter: string): MarketTimeParameter {
  if (DATE_ONLY.test(text)) return { kind: 'date', date: checkedDate(text, parameter, text) };
  const match = DATE_TIME.exec(text);
  if (!match) {
    const problem = ZONE_SUFFIX.test(text)
      ? 'is exchange-local time and takes no time zone: drop the zone, e.g. 2025-03-03T09:30:00'
      : 'must be a date (YYYY-MM-DD) or an exchange-local time (YYYY-MM-DDTHH:MM[:SS[.ffffff]])';
    throw new MarketDataInputError(parameter, `${problem}, got "${text}"`);
  }
  const [, date, hours, minutes, seconds = '0', fraction = ''] = match;
  if (+hours > 23 || +minutes > 59 || +seconds > 59) {
    throw new MarketDataInputError(parameter, `must be a real time of day, got "${text}"`);
  }
  const micros =
    ((+hours * 60 + +minutes) * 60 + +seconds) * MICROS_PER_SECOND + +fraction.padEnd(6, '0');
  return { kind: 'time', time: { date: checkedDate(date, parameter, text), micros } };
}

export function startOfDay(date: IsoDate): LocalTime {
  return { date, micros: 0 };
}

/** The day's last microsecond: an inclusive end that covers the whole day. */
export function endOfDay(date: IsoDate): LocalTime {
  return { date, micros: MICROS_PER_DAY - 1 };
}

export function compareLocalTime(a: LocalTime, b: LocalTime): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.micros - b.micros;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * `2025-03-03T09:30:20`, with `.ffffff` (trailing zeros trimmed) only when there is a fraction:
 * PostgreSQL reads it as a timestamp, and it is the form the API writes tick times in.
 */
export function formatLocalTime({ date, micros }: LocalTime): string {
  const totalSeconds = Math.floor(micros / MICROS_PER_SECOND);
  const fraction = micros % MICROS_PER_SECOND;
  const clock = `${pad2(Math.floor(totalSeconds / 3600))}:${pad2(Math.floor(totalSeconds / 60) % 60)}:${pad2(totalSeconds % 60)}`;
  const decimals = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  return `${date}T${clock}${decimals}`;
}

/** The inverse of formatLocalTime, for keys read back from a cursor; undefined when malformed. */
export function readLocalTime(text: string): LocalTime | undefined {
  try {
    const parsed = parseMarketTime(text, 'time');
    return parsed.kind === 'time' ? parsed.time : undefined;
  } catch {
    return undefined;
  }
}
