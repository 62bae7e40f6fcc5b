/** The fields of a holding the portfolio page's table shows. */
export interface HoldingInput {
  security_id: string;
  ticker: string;
  security_name: string;
  quantity: number;
  market_value: number;
  weight: number;
}

export type HoldingColumn = keyof HoldingInput;
export type SortDirection = 'asc' | 'desc';

export interface HoldingsSort {
  column: HoldingColumn;
  direction: SortDirection;
}

export const DEFAULT_HOLDINGS_SORT: HoldingsSort = { column: 'market_value', direction: 'desc' };

/** A new array sorted by the column, ties by security id; text case-insensitively. */
export function sortHoldings<T extends HoldingInput>(rows: readonly T[], sort: HoldingsSort): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[sort.column];
    const y = b[sort.column];
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
    return sign * order || a.security_id.localeCompare(b.security_id);
  });
}

/** Clicking a column sorts by it (numbers largest first); clicking it again reverses. */
export function nextSort(current: HoldingsSort, column: HoldingColumn): HoldingsSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  const textual = column === 'ticker' || column === 'security_name' || column === 'security_id';
  return { column, direction: textual ? 'asc' : 'desc' };
}

/** A weight as the width of its bar, in percent of the largest |weight| (shorts draw the same). */
export function weightBarPercent(weight: number, rows: readonly { weight: number }[]): number {
  const largest = Math.max(0, ...rows.map((row) => Math.abs(row.weight)));
  return largest === 0 ? 0 : (Math.abs(weight) / largest) * 100;
}
