import { IsoDate, RandomSource } from '@securities/market-sim';
import { BASE_PERIOD_POSITIONS, BASE_PORTFOLIOS } from '@securities/vocabulary';
import { HoldingsLayout, PERIOD_1, PERIOD_2 } from './holdings-layout';

/** A position held on the days [from, until) of the range (until = days.length: still held). */
export interface HeldLine {
  portfolioId: string;
  securityId: string;
  from: number;
  until: number;
}

export interface BookInput {
  layout: HoldingsLayout;
  /** The base set's positions over the range. */
  baseLines: readonly HeldLine[];
  portfolios: readonly string[];
  /** Securities each portfolio's trading book may hold: priced every day, none of its base positions. */
  pools: ReadonlyMap<string, readonly string[]>;
  /** Each pool security's issue date (securities_master): a book never holds it before that day. */
  issueDates: ReadonlyMap<string, IsoDate>;
  random: RandomSource;
}

/** Raised when the universe is too small for the trading book the profile asks for. */
export class BookLayoutError extends Error {
  override name = 'BookLayoutError';
}

/** Fewest securities a book slot cycles through, so a rotation never lands on the security it left. */
const MIN_SLOT_CYCLE = 3;

/** The fewest base positions the base set can hold on a day of the layout. */
function fewestBaseHeld(layout: HoldingsLayout, day: number): number {
  const date = layout.days[day];
  if (layout.baseHeldAfterPeriod2 || date > PERIOD_2) return BASE_PERIOD_POSITIONS.period2;
  // Between the periods every period-1 position is held, but for those closed before period 2.
  const closed = BASE_PERIOD_POSITIONS.either - BASE_PERIOD_POSITIONS.period2;
  if (date >= PERIOD_1) return BASE_PERIOD_POSITIONS.period1 - closed;
  return 0;
}

/**
 * The fewest securities with ticks that always leave the trading book enough to cycle through,
 * decided from the layout alone (before anything is written): each portfolio's slots need
 * MIN_SLOT_CYCLE securities each from its pool, which is the run's securities less the
 * portfolio's own base positions and the securities matured by the last day (the base set's
 * maturing bond; grown bonds mature after 2025). It counts as few base positions on each day as
 * the base set can hold, so the real need is never larger.
 */
export function minimumBookSecurities(layout: HoldingsLayout): number {
  const periodDays = new Set([layout.period1, layout.period2]);
  let slots = 0;
  layout.heldPerDay.forEach((held, day) => {
    if (!periodDays.has(day)) slots = Math.max(slots, held - fewestBaseHeld(layout, day));
  });
  return (
    MIN_SLOT_CYCLE * Math.ceil(slots / BASE_PORTFOLIOS) +
    BASE_PERIOD_POSITIONS.mostInOnePortfolio +
    BASE_PERIOD_POSITIONS.maturedByPeriod2
  );
}

/**
 * The first day a trading-book position may hold a security issued on `issueDate` (days.length if
 * none): its issue date or later, but never day 0 unless issued before it, because a position from
 * day 0 counts as held from before the range and has no purchase of its own.
 */
export function firstHoldableDay(days: readonly IsoDate[], issueDate: IsoDate): number {
  if (days.length === 0 || issueDate < days[0]) return 0;
  const day = days.findIndex((date) => date >= issueDate);
  return day < 0 ? days.length : Math.max(1, day);
}

function heldCounts(lines: readonly HeldLine[], days: number): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const line of lines) for (let i = line.from; i < line.until; i++) counts[i]++;
  return counts;
}

/**
 * The trading book: on each day as many positions as the layout wants beside the base ones, in
 * slots that each cycle through their own securities (so two positions of a portfolio never share
 * a security). In every quarter a slot held throughout is rotated to its next security on a random
 * day, except the few the layout keeps, which is how each quarter gets its exact row count.
 */
export function layoutBook(input: BookInput): HeldLine[] {
  const { layout, portfolios, random } = input;
  const days = layout.days.length;
  const base = heldCounts(input.baseLines, days);
  const periodDays = new Set([layout.period1, layout.period2].filter((i) => i >= 0));
  const book = layout.heldPerDay.map((held, i) => (periodDays.has(i) ? 0 : held - base[i]));
  book.forEach((count, i) => {
    if (count < 0) {
      throw new BookLayoutError(
        `${layout.days[i]}: the base positions (${base[i]}) exceed the holdings wanted (${layout.heldPerDay[i]})`,
      );
    }
  });
  const slots = Math.max(0, ...book);

  const rotations = Array.from({ length: slots }, () => new Set<number>());
  layout.quarters.forEach((quarter, q) => {
    let heldThrough = Infinity;
    for (let i = quarter.start; i <= quarter.end; i++) heldThrough = Math.min(heldThrough, book[i]);
    if (heldThrough === 0) return;
    const offset = (q * 97) % heldThrough;
    for (let slot = 0; slot < heldThrough; slot++) {
      const keeps = (slot - offset + heldThrough) % heldThrough < quarter.bookPersisting;
      if (!keeps) rotations[slot].add(random.nextInt(quarter.start + 1, quarter.end));
    }
  });

  const firstDays = new Map<string, number>();
  const firstDay = (securityId: string): number => {
    let day = firstDays.get(securityId);
    if (day === undefined) {
      const issueDate = input.issueDates.get(securityId);
      if (issueDate === undefined) throw new Error(`${securityId}: no issue date for the book`);
      day = firstHoldableDay(layout.days, issueDate);
      firstDays.set(securityId, day);
    }
    return day;
  };
  // Earliest issued first (a stable sort keeps the drawn order among equals): dealt out in turn,
  // every slot gets its share of what is issued by the start, and of what is never issued within
  // the range, which a slot passes over. Kept rather than dropped, so the pools still hold the
  // securities minimumBookSecurities counted (it runs before the universe has issue dates).
  const poolsByIssue = new Map(
    portfolios.map((portfolioId) => [
      portfolioId,
      [...(input.pools.get(portfolioId) ?? [])].sort((a, b) => firstDay(a) - firstDay(b)),
    ]),
  );
  const cycles = Array.from({ length: slots }, (_, slot) => {
    const portfolioId = portfolios[slot % portfolios.length];
    const slotsOfPortfolio = Math.ceil((slots - (slot % portfolios.length)) / portfolios.length);
    const pool = poolsByIssue.get(portfolioId) ?? [];
    const rank = Math.floor(slot / portfolios.length);
    const cycle = pool.filter((_, i) => i % slotsOfPortfolio === rank);
    if (cycle.length < MIN_SLOT_CYCLE) {
      throw new BookLayoutError(
        `${portfolioId}: ${pool.length} securities cannot fill ${slotsOfPortfolio} trading-book slots ` +
          `(at least ${MIN_SLOT_CYCLE} each): raise --securities or lower the profile's positions`,
      );
    }
    return { portfolioId, cycle, next: 0, last: undefined as string | undefined };
  });

  const lines: HeldLine[] = [];
  cycles.forEach((slot, j) => {
    let open: HeldLine | undefined;
    // The slot's next security already issued on the day, never the one it held last.
    const take = (from: number): HeldLine => {
      for (let tried = 0; tried < slot.cycle.length; tried++) {
        const securityId = slot.cycle[slot.next++ % slot.cycle.length];
        if (firstDay(securityId) <= from && securityId !== slot.last) {
          slot.last = securityId;
          return { portfolioId: slot.portfolioId, securityId, from, until: days };
        }
      }
      throw new BookLayoutError(
        `${slot.portfolioId}: none of a trading-book slot's ${slot.cycle.length} securities ` +
          `(${slot.cycle.join(', ')}) is issued by ${layout.days[from]} and new to it: ` +
          `raise --securities or start the range later`,
      );
    };
    for (let i = 0; i < days; i++) {
      const active = j < book[i];
      if (active && !open) open = take(i);
      else if (active && open && rotations[j].has(i)) {
        lines.push({ ...open, until: i });
        open = take(i);
      } else if (!active && open) {
        lines.push({ ...open, until: i });
        open = undefined;
      }
    }
    if (open) lines.push(open);
  });
  verifyLayout(layout, [...input.baseLines, ...lines]);
  return lines;
}

/** The book must give exactly the layout's counts: a wrong count is a bug, never a result. */
function verifyLayout(layout: HoldingsLayout, lines: readonly HeldLine[]): void {
  const counts = heldCounts(lines, layout.days.length);
  counts.forEach((count, i) => {
    if (count !== layout.heldPerDay[i]) {
      throw new Error(
        `${layout.days[i]}: ${count} holdings laid out, ${layout.heldPerDay[i]} planned`,
      );
    }
  });
  for (const quarter of layout.quarters) {
    const held = new Set<string>();
    for (const line of lines) {
      const onStart = line.from <= quarter.start && quarter.start < line.until;
      const onEnd = line.from <= quarter.end && quarter.end < line.until;
      if (onStart || onEnd) held.add(`${line.portfolioId}/${line.securityId}`);
    }
    if (held.size !== quarter.rows) {
      throw new Error(`${quarter.label}: ${held.size} positions laid out, ${quarter.rows} planned`);
    }
  }
}
