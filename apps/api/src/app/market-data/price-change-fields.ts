import { PriceChange } from '@securities/contracts';
import { priceChange } from '@securities/market-data';
import Decimal from 'decimal.js';
import { jsonNumber } from '../common/decimal-json';

/** A previous close as read from pricing_history (both null when there is none). */
export interface PreviousCloseRow {
  security_id: string;
  previous_close_date: string | null;
  previous_close: string | null;
}

/**
 * The change of `price` on the previous close, in the fields every market-data response shares;
 * all null without a previous close. `exDayFactor` adjusts the previous close for what goes ex
 * that day (see AdjustmentsService.exDayFactors).
 */
export function priceChangeFields(
  price: Decimal.Value,
  previous: PreviousCloseRow | undefined,
  exDayFactor: Decimal | undefined,
): PriceChange {
  const change =
    previous?.previous_close != null
      ? priceChange(price, previous.previous_close, exDayFactor)
      : null;
  return {
    previous_close: jsonNumber(previous?.previous_close ?? null),
    previous_close_date: previous?.previous_close_date ?? null,
    adjusted_previous_close: change ? change.adjustedPreviousClose.toNumber() : null,
    change: change ? change.change.toNumber() : null,
    change_percent: change ? change.changePercent.toNumber() : null,
  };
}

/**
 * The last close before $2 of each security in $1: one row per security that has one, by the
 * (security_id, price_date) index.
 */
export const PREVIOUS_CLOSES_SQL = `
  SELECT s.id AS security_id, prev.price_date AS previous_close_date, prev.close_price AS previous_close
  FROM unnest($1::text[]) AS s(id)
  CROSS JOIN LATERAL (
    SELECT q.price_date, q.close_price FROM pricing_history q
    WHERE q.security_id = s.id AND q.price_date < $2
    ORDER BY q.price_date DESC LIMIT 1) prev`;
