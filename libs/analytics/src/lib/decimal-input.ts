import { DecimalInput, ExactDecimal } from '@securities/variance';
import Decimal from 'decimal.js';
import { AnalyticsInputError } from './analytics-input-error';

/** Parses an amount as read from PostgreSQL numeric; anything not a finite number names its field. */
export function readAmount(value: DecimalInput, field: string): Decimal {
  let parsed: Decimal | undefined;
  try {
    parsed = new ExactDecimal(value);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !parsed.isFinite()) {
    throw new AnalyticsInputError(field, `must be a finite decimal number, got ${String(value)}`);
  }
  return parsed;
}
