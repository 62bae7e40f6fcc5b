import { ExactDecimal } from '@securities/variance';
import Decimal from 'decimal.js';

/**
 * The amounts the data stores, in the platform's one decimal configuration: the variance
 * library's private constructor with PostgreSQL's rounding (half away from zero), so what the
 * generator writes and what the attribution computes from it are the same arithmetic.
 */
export const Money = ExactDecimal;
export type Money = Decimal;

/** A number as its exact decimal text with a fixed number of places: never an exponent. */
export function fixed(value: number | Decimal, places: number): string {
  const text = new Money(value).toFixed(places);
  // A value that rounds to zero from below prints as "-0.00", which is zero to the database too.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
