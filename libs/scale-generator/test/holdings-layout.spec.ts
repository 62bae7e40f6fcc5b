import { createRandomSource } from '@securities/market-sim';
import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { resolveScaleProfile, tradingDays } from '../src';
import {
  BookLayoutError,
  HeldLine,
  layoutBook,
  minimumBookSecurities,
} from '../src/lib/holdings/book-lines';
import { MarketView, tradeBook, TradeRow } from '../src/lib/holdings/book-trading';
import {
  layoutHoldings,
  PERIOD_1,
  PERIOD_2,
  spreadEvenly,
} from '../src/lib/holdings/holdings-layout';

const PORTFOLIOS = Array.from({ length: 7 }, (_, i) => `PORT-00${i + 1}`);
const layoutOf = (name: string) => {
  const profile = resolveScaleProfile(name);
  return layoutHoldings(tradingDays(profile), profile);
};

/** Base positions shaped like the base set's: 156 bought before period 1, 2 closed and 13 opened after. */
function syntheticBase(layout: ReturnType<typeof layoutOf>): HeldLine[] {
  const { period1, period2 } = layout;
  const quarter4 = layout.quarters.find((q) => q.end === period1)?.start ?? 0;
  const lines: HeldLine[] = [];
  for (let i = 0; i < BASE_PERIOD_POSITIONS.period1; i++) {
    const closes = i < 2;
    lines.push({
      portfolioId: PORTFOLIOS[i % 7],
      securityId: `SEC-${String(i + 1).padStart(4, '0')}`,
      from: quarter4 + 1 + (i % (period1 - quarter4)),
      until: closes ? period1 + 10 + i : layout.days.length,
    });
  }
  for (let i = 0; i < BASE_PERIOD_POSITIONS.either - BASE_PERIOD_POSITIONS.period1; i++) {
    lines.push({
      portfolioId: PORTFOLIOS[i % 7],
      securityId: `SEC-${String(200 + i).padStart(4, '0')}`,
      from: period1 + 1 + i * 3,
      until: layout.days.length,
    });
  }
  expect(period2).toBe(layout.days.length - 1);
  return lines;
}

/**
 * The base set at its thinnest for the layout: every period-1 position bought on period 1 itself,
 * two of them sold the day after, the 13 new ones bought on period 2, and the first portfolio
 * holding the most positions any portfolio holds (30).
 */
function thinnestBase(layout: ReturnType<typeof layoutOf>): HeldLine[] {
  const { period1, period2 } = layout;
  const closed = BASE_PERIOD_POSITIONS.either - BASE_PERIOD_POSITIONS.period2;
  const opened = BASE_PERIOD_POSITIONS.either - BASE_PERIOD_POSITIONS.period1;
  return Array.from({ length: BASE_PERIOD_POSITIONS.either }, (_, i) => {
    const portfolioId =
      i < BASE_PERIOD_POSITIONS.mostInOnePortfolio ? PORTFOLIOS[0] : PORTFOLIOS[1 + (i % 6)];
    const securityId = `SEC-${String(i + 1).padStart(4, '0')}`;
    if (i < closed) return { portfolioId, securityId, from: period1, until: period1 + 1 };
    if (i < closed + opened)
      return { portfolioId, securityId, from: period2, until: layout.days.length };
    return { portfolioId, securityId, from: period1, until: layout.days.length };
  });
}

/**
 * Each portfolio's pool: the securities less its own base positions and the matured bond(s), all
 * issued long before any profile's range.
 */
function bookPools(base: readonly HeldLine[], securities: number) {
  const all = Array.from(
    { length: securities - BASE_PERIOD_POSITIONS.maturedByPeriod2 },
    (_, i) => `SEC-${String(i + 1).padStart(4, '0')}`,
  );
  const pools = new Map(
    PORTFOLIOS.map((p) => {
      const own = new Set(base.filter((l) => l.portfolioId === p).map((l) => l.securityId));
      return [p, all.filter((id) => !own.has(id))];
    }),
  );
  return { pools, issueDates: new Map(all.map((id) => [id, '1990-01-02'])) };
}

describe('the holdings layout', () => {
  it("gives the full profile the seed's counts: 760 x 1,369 holdings, 21 x 1,400 variance rows", () => {
    const layout = layoutOf('full');
    expect(layout.holdingRows).toBe(1_040_440);
    expect(layout.varianceRows).toBe(29_400);
    expect(layout.quarters).toHaveLength(21);
    expect(layout.quarters[0]).toMatchObject({ label: '2020Q1', start: 0 });
    expect(layout.days[layout.quarters[0].end]).toBe('2020-03-31');
    const last = layout.quarters[20];
    expect([last.label, layout.days[last.start], layout.days[last.end], last.rows]).toEqual([
      '2025Q1',
      PERIOD_1,
      PERIOD_2,
      BASE_PERIOD_POSITIONS.either,
    ]);
    expect(layout.heldPerDay[layout.period1]).toBe(BASE_PERIOD_POSITIONS.period1);
    expect(layout.heldPerDay[layout.period2]).toBe(BASE_PERIOD_POSITIONS.period2);
    // A quarter end on a weekend is snapshotted on the Friday before it.
    expect(layout.quarters.map((q) => layout.days[q.end])).toContain('2022-12-30');
  });

  it('keeps every quarter between "all positions rotated" and "all kept"', () => {
    for (const name of ['tiny', 'small', 'medium', 'full']) {
      const layout = layoutOf(name);
      for (const q of layout.quarters) {
        expect(q.rows).toBeLessThanOrEqual(layout.heldPerDay[q.start] + layout.heldPerDay[q.end]);
        expect(q.rows).toBeGreaterThanOrEqual(
          Math.max(layout.heldPerDay[q.start], layout.heldPerDay[q.end]),
        );
      }
    }
  });

  it('spreads integers evenly, larger shares first', () => {
    expect(spreadEvenly(10, 4)).toEqual([3, 3, 2, 2]);
    expect(spreadEvenly(0, 2)).toEqual([0, 0]);
    expect(spreadEvenly(5, 0)).toEqual([]);
  });
});

describe('the trading book', () => {
  it.each(['medium', 'full'])(
    'lays out exactly the planned holdings per day and rows per quarter (%s)',
    (name) => {
      const layout = layoutOf(name);
      const base = syntheticBase(layout);
      // layoutBook verifies every day's count and every quarter's rows itself and throws otherwise.
      const book = layoutBook({
        layout,
        baseLines: base,
        portfolios: PORTFOLIOS,
        ...bookPools(base, name === 'full' ? 1_000 : 160),
        random: createRandomSource(1, 'test'),
      });
      const rows = [...base, ...book].reduce((sum, l) => sum + l.until - l.from, 0);
      expect(rows).toBe(layout.holdingRows);
      // A portfolio never holds one security in two positions at once.
      const byPair = new Map<string, HeldLine[]>();
      for (const line of [...base, ...book]) {
        const key = `${line.portfolioId}/${line.securityId}`;
        for (const other of byPair.get(key) ?? []) {
          expect(line.from >= other.until || other.from >= line.until).toBe(true);
        }
        byPair.set(key, [...(byPair.get(key) ?? []), line]);
      }
      // Nothing of the book is held on the period dates: they are the base snapshots.
      expect(book.filter((l) => l.from <= layout.period1 && layout.period1 < l.until)).toEqual([]);
    },
  );

  it.each(['tiny', 'small', 'medium', 'full'])(
    'needs no more securities than the %s profile has, and --securities checks for that many',
    (name) => {
      const profile = resolveScaleProfile(name);
      const layout = layoutOf(name);
      const needed = minimumBookSecurities(layout);
      expect(needed).toBeLessThanOrEqual(profile.securities);
      // Enough even for the thinnest base set the layout allows.
      const base = thinnestBase(layout);
      expect(() =>
        layoutBook({
          layout,
          baseLines: base,
          portfolios: PORTFOLIOS,
          ...bookPools(base, needed),
          random: createRandomSource(1, 'test'),
        }),
      ).not.toThrow();
    },
  );

  it('says which option to change when the universe is too small for the book', () => {
    const layout = layoutOf('full');
    const base = syntheticBase(layout);
    expect(() =>
      layoutBook({
        layout,
        baseLines: base,
        portfolios: PORTFOLIOS,
        ...bookPools(base, 200),
        random: createRandomSource(1, 'test'),
      }),
    ).toThrow(BookLayoutError);
  });
});

describe('trading the book', () => {
  const days = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];
  const market: MarketView = {
    days,
    security: (securityId) => ({
      securityId,
      currency: 'EUR',
      priceFactor: '1',
      lot: 100,
      closes: [10, 11, 12, 11, 10],
      vwaps: ['10.1', '10.9', '12.2', '11', '10.05'],
      splits: new Map([[2, 2]]),
    }),
    fxRate: () => '1.1',
  };

  it('makes exactly the trades asked for, buys on the first day and sells out on the last', () => {
    const lines: HeldLine[] = [
      { portfolioId: 'P', securityId: 'A', from: 0, until: 4 },
      { portfolioId: 'P', securityId: 'B', from: 1, until: 5 },
    ];
    const trades: TradeRow[] = [];
    const held = new Map<string, number>();
    tradeBook(lines, market, 4, createRandomSource(3, 'trade'), (trade, rows) => {
      if (trade) trades.push(trade);
      for (const row of rows) held.set(`${row.securityId}/${row.day}`, row.quantity);
    });
    // 4 drawn, B's purchase, A's sale (B is still held on the last day; A was held before day 0).
    expect(trades).toHaveLength(6);
    expect(trades.filter((t) => t.securityId === 'B')[0]).toMatchObject({
      type: 'BUY',
      date: days[1],
    });
    const lastOfA = trades.filter((t) => t.securityId === 'A').at(-1);
    expect(lastOfA).toMatchObject({ type: 'SELL', date: days[4], quantity: held.get('A/3') });
    expect(trades.every((t) => t.quantity > 0 && Number(t.fees) >= 0)).toBe(true);
  });
});
