/**
 * Times on the charts. The API's times are exchange-local without a zone; the charts are told
 * they are UTC and draw them in UTC, so the axis reads the exchange's own clock (09:30 .. 16:00)
 * wherever the browser is.
 */

/** Seconds since the epoch, as lightweight-charts' UTCTimestamp. */
export type ChartSeconds = number;

/** `2025-03-28` or `2025-03-28T09:30:20[.5]` -> seconds, the local time read as UTC. */
export function chartSeconds(localTime: string): ChartSeconds {
  const iso = localTime.length === 10 ? `${localTime}T00:00:00Z` : `${localTime}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an exchange-local time: "${localTime}"`);
  return ms / 1000;
}

/** The day (YYYY-MM-DD) of a local time or date. */
export const dayOf = (localTime: string): string => localTime.slice(0, 10);
