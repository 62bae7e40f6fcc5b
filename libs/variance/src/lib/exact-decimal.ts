import Decimal from 'decimal.js';

/**
 * Half away from zero, used both for the rare inexact intermediate (a division by a split ratio
 * such as 3) and for rounding every reported amount to cents. It is what PostgreSQL's
 * round(numeric, 2) does, so a SQL check such as market_value = round(q * p * f * x, 2) agrees
 * with this library to the cent, ties included.
 */
export const ROUNDING_MODE = Decimal.ROUND_HALF_UP;

/**
 * A private Decimal constructor, so the lib never depends on or changes the global Decimal config.
 * 50 significant digits keep every product of realistic inputs exact.
 */
export const ExactDecimal = Decimal.clone({ precision: 50, rounding: ROUNDING_MODE });

export const ZERO = new ExactDecimal(0);

const CENT_PLACES = 2;

/** Rounds to cents; a negative zero comes back as plain zero so it never prints as "-0.00". */
export function roundToCents(value: Decimal): Decimal {
  const rounded = new ExactDecimal(value).toDecimalPlaces(CENT_PLACES, ROUNDING_MODE);
  return rounded.isZero() ? ZERO : rounded;
}
