import Decimal from 'decimal.js';
import { VarianceInputError } from './variance-input-error';

/**
 * The `limit` rows with the largest |totalPnl|, largest first. Rows with equal |totalPnl| (a gain
 * and a loss of the same size included) keep their input order, so callers that pass rows in a
 * defined order (e.g. by security id) get the same ranking every time. The input is not reordered.
 */
export function rankTopMovers<T extends { totalPnl: Decimal }>(
  rows: readonly T[],
  limit: number,
): T[] {
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new VarianceInputError('limit', `must be a positive integer, got ${String(limit)}`);
  }
  const ranked = rows.map((row, inputIndex) => {
    if (!Decimal.isDecimal(row.totalPnl) || !row.totalPnl.isFinite()) {
      throw new VarianceInputError(
        `rows[${inputIndex}].totalPnl`,
        `must be a finite Decimal, got ${String(row.totalPnl)}`,
      );
    }
    return { row, inputIndex, magnitude: row.totalPnl.abs() };
  });
  ranked.sort((a, b) => b.magnitude.comparedTo(a.magnitude) || a.inputIndex - b.inputIndex);
  return ranked.slice(0, limit).map(({ row }) => row);
}
