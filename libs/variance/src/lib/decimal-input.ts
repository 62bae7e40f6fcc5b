import Decimal from 'decimal.js';
import { ExactDecimal } from './exact-decimal';
import { VarianceInputError } from './variance-input-error';

/** A number as callers hold it: strings as read from PostgreSQL numeric (e.g. "101.2500"). */
export type DecimalInput = string | number | Decimal;

// Plain decimal notation only: decimal.js would also accept hex, binary, "NaN" and "Infinity".
const DECIMAL_NOTATION = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isParsable(value: unknown): value is DecimalInput {
  return (
    (typeof value === 'string' && DECIMAL_NOTATION.test(value)) ||
    typeof value === 'number' ||
    Decimal.isDecimal(value)
  );
}

/** Parses any finite decimal; errors name `field` and show the value as the caller passed it. */
export function readDecimal(value: DecimalInput, field: string): Decimal {
  // An exponent out of Decimal's range parses to Infinity, hence the finiteness check after parsing.
  const parsed = isParsable(value) ? new ExactDecimal(value) : undefined;
  if (parsed === undefined || !parsed.isFinite()) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new VarianceInputError(field, `must be a finite decimal number, got ${shown}`);
  }
  return parsed;
}

export function readPositiveDecimal(value: DecimalInput, field: string): Decimal {
  const parsed = readDecimal(value, field);
  if (parsed.lte(0)) {
    throw new VarianceInputError(field, `must be > 0, got ${String(value)}`);
  }
  return parsed;
}

export function readNonNegativeDecimal(value: DecimalInput, field: string): Decimal {
  const parsed = readDecimal(value, field);
  if (parsed.lt(0)) {
    throw new VarianceInputError(field, `must be >= 0, got ${String(value)}`);
  }
  return parsed;
}
