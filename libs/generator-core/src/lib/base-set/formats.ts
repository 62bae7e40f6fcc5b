import { NUMERIC } from '@securities/database';
import Decimal from 'decimal.js';
import { fixed, Money } from './money';
import { SecurityModel } from './universe/universe-model';

/**
 * How each kind of value is written: the exact text stored in the CSV, and the text the variance
 * maths is given, so the two can never disagree.
 */

/** A decimal with no more places than `maxPlaces` and no trailing zeros ("2.0625", "4"). */
export function decimalText(value: number | Decimal, maxPlaces: number): string {
  return new Money(value).toDecimalPlaces(maxPlaces).toFixed();
}

/** A price on the security's grid, trailing zeros kept ("151.20", "2610", "98.4375"). */
export function priceText(security: SecurityModel, price: number): string {
  return fixed(price, security.priceDecimals);
}

/** Quantities are whole units (shares, nominal, contracts); shorts are negative. */
export function quantityText(quantity: number): string {
  return fixed(quantity, 0);
}

export function fxRateText(rate: number): string {
  return decimalText(rate, NUMERIC.fxRate.scale);
}

export function moneyText(value: number | Decimal): string {
  return fixed(value, NUMERIC.money.scale);
}

export function measureText(value: number): string {
  return fixed(value, NUMERIC.measure.scale);
}

export function nullable<T>(
  value: T | null | undefined,
  format: (value: T) => string,
): string | null {
  return value === null || value === undefined ? null : format(value);
}
