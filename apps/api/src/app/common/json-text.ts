import { ColumnKind } from '@securities/market-sql';
import Decimal from 'decimal.js';

/**
 * JSON text in which a Decimal is written as the number it is, digit for digit (JSON.stringify
 * would write it as a string, and a JS number would round it): an adjusted price stays the exact
 * product raw x factor. Everything else is written as JSON.stringify writes it.
 */
export function exactJson(value: unknown): string {
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (Array.isArray(value)) return `[${value.map(exactJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => `${JSON.stringify(key)}:${exactJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Database rows as a JSON array, fast: the numeric and integer columns PostgreSQL sent as text
 * are written verbatim as JSON numbers (no parsing, no rounding).
 */
export function rowsAsJson(
  rows: readonly Record<string, unknown>[],
  columns: Readonly<Record<string, ColumnKind>>,
): string {
  const writers = Object.entries(columns).map(([name, kind]) => {
    const key = `${JSON.stringify(name)}:`;
    return kind === 'number'
      ? (row: Record<string, unknown>) => `${key}${row[name] ?? 'null'}`
      : (row: Record<string, unknown>) => `${key}${JSON.stringify(row[name] ?? null)}`;
  });
  return `[${rows.map((row) => `{${writers.map((write) => write(row)).join(',')}}`).join(',')}]`;
}
