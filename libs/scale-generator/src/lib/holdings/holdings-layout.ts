import { isBusinessDay, IsoDate, previousBusinessDay } from '@securities/market-sim';
import { BASE_PERIOD_POSITIONS, HOLDING_PERIOD_DATES } from '@securities/vocabulary';

export const PERIOD_1: IsoDate = HOLDING_PERIOD_DATES[1];
export const PERIOD_2: IsoDate = HOLDING_PERIOD_DATES[2];

/** A quarter of variance_quarterly: its label and the day indexes of its two snapshot dates. */
export interface QuarterWindow {
  label: string;
  start: number;
  end: number;
  /** Rows the quarter gets: positions held on its start or its end date. */
  rows: number;
  /** Trading-book positions held through the quarter unchanged (every other one is rotated). */
  bookPersisting: number;
}

/**
 * How many holdings there are each day and how many positions each quarter reports, decided before
 * any data exists so that `--plan` and the generator agree to the row. On the two period dates the
 * portfolios hold exactly the base set's snapshots; every other day `positions` holdings (a
 * trading book around the base positions), plus the rows the period dates lack, spread evenly, so
 * the total is exactly positions x days, as in the seed (760 x 1,369 = 1,040,440).
 */
export interface HoldingsLayout {
  days: readonly IsoDate[];
  /** Day index of period 1 / period 2, or -1 when outside the range. */
  period1: number;
  period2: number;
  heldPerDay: readonly number[];
  /** Base positions held on every day (those of period 2 once the range has passed it). */
  baseHeldAfterPeriod2: boolean;
  quarters: readonly QuarterWindow[];
  holdingRows: number;
  varianceRows: number;
}

const QUARTER_END_DAYS = ['03-31', '06-30', '09-30', '12-31'];

export function quarterLabel(date: IsoDate): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last weekday of the date's calendar quarter: the quarter's snapshot date. */
export function quarterEndDay(date: IsoDate): IsoDate {
  const end = `${date.slice(0, 4)}-${QUARTER_END_DAYS[Math.floor((Number(date.slice(5, 7)) - 1) / 3)]}`;
  return isBusinessDay(end) ? end : previousBusinessDay(end);
}

/** Quarters whose last weekday lies in the range after its first day; a first partial quarter starts on day 0. */
function quarterWindows(days: readonly IsoDate[]): { label: string; start: number; end: number }[] {
  const windows: { label: string; start: number; end: number }[] = [];
  let previousEnd = 0;
  for (let i = 0; i < days.length; i++) {
    const lastOfQuarter =
      i === days.length - 1 || quarterLabel(days[i + 1]) !== quarterLabel(days[i]);
    if (!lastOfQuarter) continue;
    if (i > 0 && days[i] === quarterEndDay(days[i])) {
      windows.push({ label: quarterLabel(days[i]), start: previousEnd, end: i });
    }
    previousEnd = i;
  }
  return windows;
}

/** Spreads `total` over `count` slots as evenly as integers allow, the larger shares first. */
export function spreadEvenly(total: number, count: number): number[] {
  if (count === 0) return [];
  const share = Math.floor(total / count);
  const remainder = total - share * count;
  return Array.from({ length: count }, (_, i) => share + (i < remainder ? 1 : 0));
}

export interface HoldingsTargets {
  /** Holdings on every day that is not a period date. */
  positions: number;
  /** Positions per quarter the variance table aims at (clamped to what the days allow). */
  quarterPositions: number;
}

export function layoutHoldings(days: readonly IsoDate[], targets: HoldingsTargets): HoldingsLayout {
  const period1 = days.indexOf(PERIOD_1);
  const period2 = days.indexOf(PERIOD_2);
  const fixed = new Map<number, number>();
  if (period1 >= 0) fixed.set(period1, BASE_PERIOD_POSITIONS.period1);
  if (period2 >= 0) fixed.set(period2, BASE_PERIOD_POSITIONS.period2);
  const deficit = [...fixed.values()].reduce((sum, held) => sum + targets.positions - held, 0);
  const extras = spreadEvenly(deficit, days.length - fixed.size);
  let free = 0;
  const heldPerDay = days.map((_, i) => fixed.get(i) ?? targets.positions + extras[free++]);
  const baseHeldAfterPeriod2 = days.length > 0 && days[0] > PERIOD_2;

  const windows = quarterWindows(days).map((window) => {
    if (window.start === period1 && window.end === period2) {
      return { ...window, maxRows: BASE_PERIOD_POSITIONS.either, capacity: 0 };
    }
    // After period 2 the base positions stay as they are: held on both dates of every quarter.
    const baseBoth =
      baseHeldAfterPeriod2 || (period2 >= 0 && window.start >= period2)
        ? BASE_PERIOD_POSITIONS.period2
        : 0;
    const touchesPeriod = [period1, period2].some((p) => p >= window.start && p <= window.end);
    let capacity = 0;
    if (!touchesPeriod) {
      capacity = Infinity;
      for (let i = window.start; i <= window.end; i++) {
        capacity = Math.min(capacity, heldPerDay[i] - baseBoth);
      }
    }
    return {
      ...window,
      maxRows: heldPerDay[window.start] + heldPerDay[window.end] - baseBoth,
      capacity,
    };
  });
  const maxRows = windows.reduce((sum, w) => sum + w.maxRows, 0);
  const capacity = windows.reduce((sum, w) => sum + w.capacity, 0);
  const wanted = windows.length * targets.quarterPositions;
  const varianceRows = Math.min(maxRows, Math.max(maxRows - capacity, wanted));
  // Positions held through a quarter count once instead of twice: spread what must persist.
  let persisting = maxRows - varianceRows;
  const quarters = windows.map((w) => {
    const share =
      capacity === 0 ? 0 : Math.floor(((maxRows - varianceRows) * w.capacity) / capacity);
    persisting -= share;
    return { ...w, bookPersisting: share };
  });
  for (const quarter of quarters) {
    const more = Math.min(persisting, quarter.capacity - quarter.bookPersisting);
    quarter.bookPersisting += more;
    persisting -= more;
  }
  return {
    days,
    period1,
    period2,
    heldPerDay,
    baseHeldAfterPeriod2,
    quarters: quarters.map(({ label, start, end, maxRows: max, bookPersisting }) => ({
      label,
      start,
      end,
      rows: max - bookPersisting,
      bookPersisting,
    })),
    holdingRows: heldPerDay.reduce((sum, held) => sum + held, 0),
    varianceRows,
  };
}
