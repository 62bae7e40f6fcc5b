import { IsoDate } from '@securities/market-sim';

/** The days of one calendar month of the run, as a slice [first, end) of the run's days. */
export interface TickMonth {
  /** 'YYYY-MM' */
  month: string;
  /** The month's partition, as ensure_tick_partitions names it. */
  partition: string;
  first: number;
  end: number;
}

export function partitionName(month: string): string {
  return `tick_data_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

/** The run's days grouped by month, in order: the unit of loading and of index building. */
export function tickMonths(days: readonly IsoDate[]): TickMonth[] {
  const months: TickMonth[] = [];
  days.forEach((day, index) => {
    const month = day.slice(0, 7);
    const last = months[months.length - 1];
    if (last?.month === month) last.end = index + 1;
    else months.push({ month, partition: partitionName(month), first: index, end: index + 1 });
  });
  return months;
}
