import Decimal from 'decimal.js';
import { roundToCents } from './exact-decimal';
import { VarianceInputError } from './variance-input-error';

/** A money amount as a plain cent string for CSV and SQL, e.g. "1234.50" or "-0.30". */
export function toCents(value: Decimal): string {
  if (!Decimal.isDecimal(value) || !value.isFinite()) {
    throw new VarianceInputError('value', `must be a finite Decimal, got ${String(value)}`);
  }
  return roundToCents(value).toFixed(2);
}
