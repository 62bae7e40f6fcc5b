import { PriceChange } from '@securities/contracts';
import { priceChange } from '@securities/market-data';
import Decimal from 'decimal.js';
import { jsonNumber } from '../common/decimal-json';
import { PreviousCloseRow } from './previous-closes';

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
  const change = previous ? priceChange(price, previous.previous_close, exDayFactor) : null;
  return {
    previous_close: jsonNumber(previous?.previous_close ?? null),
    previous_close_date: previous?.previous_close_date ?? null,
    adjusted_previous_close: change ? change.adjustedPreviousClose.toNumber() : null,
    change: change ? change.change.toNumber() : null,
    change_percent: change ? change.changePercent.toNumber() : null,
  };
}
