import Decimal from 'decimal.js';

/**
 * Decimal arithmetic for the amounts the data stores, with a private configuration (the global
 * Decimal one is left alone) and PostgreSQL's rounding: half away from zero.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** A number as its exact decimal text with a fixed number of places: never an exponent. */
export function fixed(value: number | Decimal, places: number): string {
  const text = new Money(value).toFixed(places);
  // A value that rounds to zero from below prints as "-0.00", which is zero to the database too.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
