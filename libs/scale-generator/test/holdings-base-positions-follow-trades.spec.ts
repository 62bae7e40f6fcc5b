import { createRandomSource, IsoDate } from '@securities/market-sim';
import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { resolveScaleProfile, tradingDays } from '../src';
import {
  BasePositions,
  basePositions,
  BaseSetPositions,
  SnapshotRecord,
} from '../src/lib/holdings/base-lines';
import { MarketView } from '../src/lib/holdings/book-trading';
import { HoldingsLayout, layoutHoldings, PERIOD_1 } from '../src/lib/holdings/holdings-layout';

/** Every security in USD at 10 a unit, so an opening price is simply cost / quantity. */
function flatMarket(days: readonly IsoDate[]): MarketView {
  return {
    days,
    security: (securityId) => ({
      securityId,
      currency: 'USD',
      priceFactor: '1',
      lot: 1,
      closes: days.map(() => 10),
      vwaps: days.map(() => '10'),
      splits: new Map(),
    }),
    fxRate: () => '1',
  };
}

const snapshot = (portfolio: number, security: number, quantity: number): SnapshotRecord => ({
  portfolio_id: `PORT-00${portfolio}`,
  security_id: `SEC-${String(security).padStart(4, '0')}`,
  quantity: String(quantity),
  cost_basis: (quantity * 10).toFixed(2),
});

/** The base set's 156 period-1 positions, held unchanged to period 2. */
function heldThroughBase(): BaseSetPositions {
  const held = Array.from({ length: BASE_PERIOD_POSITIONS.period1 }, (_, i) =>
    snapshot(1 + (i % 7), 1 + i, 100 + i),
  );
  return { period1: held, period2: held, trades: [], events: [] };
}

/**
 * Each position's quantity on every day of the range as the builder's output states it: its
 * holdings rows, and on the period dates the snapshots (which the phase copies as they are).
 */
function quantitiesByDay(layout: HoldingsLayout, base: BaseSetPositions, built: BasePositions) {
  const quantities = new Map<string, number[]>();
  const set = (position: string, day: number, quantity: number) => {
    const byDay = quantities.get(position) ?? layout.days.map(() => 0);
    byDay[day] = quantity;
    quantities.set(position, byDay);
  };
  for (const row of built.days) set(`${row.portfolioId}/${row.securityId}`, row.day, row.quantity);
  for (const [day, rows] of [
    [layout.period1, base.period1],
    [layout.period2, base.period2],
  ] as const) {
    if (day >= 0)
      for (const row of rows)
        set(`${row.portfolio_id}/${row.security_id}`, day, Number(row.quantity));
  }
  return quantities;
}

/**
 * Every day-to-day change of a quantity that the day's trades (the builder's and the base set's)
 * do not explain.
 */
function unexplainedChanges(
  layout: HoldingsLayout,
  base: BaseSetPositions,
  built: BasePositions,
): string[] {
  const traded = new Map<string, number>();
  const trade = (position: string, date: IsoDate, signed: number) =>
    traded.set(`${position}@${date}`, (traded.get(`${position}@${date}`) ?? 0) + signed);
  for (const t of built.trades) {
    trade(`${t.portfolioId}/${t.securityId}`, t.date, (t.type === 'BUY' ? 1 : -1) * t.quantity);
  }
  for (const t of base.trades) {
    const signed = (t.txn_type === 'BUY' ? 1 : -1) * Number(t.quantity);
    trade(`${t.portfolio_id}/${t.security_id}`, t.txn_date, signed);
  }
  const unexplained: string[] = [];
  for (const [position, quantity] of quantitiesByDay(layout, base, built)) {
    for (let day = 1; day < layout.days.length; day++) {
      const net = traded.get(`${position}@${layout.days[day]}`) ?? 0;
      if (quantity[day] - quantity[day - 1] !== net) {
        unexplained.push(
          `${position} on ${layout.days[day]}: ${quantity[day - 1]} -> ${quantity[day]}, traded ${net}`,
        );
      }
    }
  }
  return unexplained;
}

const layoutOf = (name: string, from?: IsoDate) => {
  const profile = resolveScaleProfile(name, { from });
  return layoutHoldings(tradingDays(profile), profile);
};

/** Seeds to draw with: a draw of period 1 itself (1 in ~66 positions) shows in every one. */
const SEEDS = 20;

describe('the base positions over a scale range', () => {
  it.each([
    ['small', 'small', undefined],
    ['medium', 'medium', undefined],
    // The quarter's first day is the day before period 1: no day strictly between them.
    ['small from 2024-12-30', 'small', '2024-12-30'],
  ])(
    'buys every period-1 position on a day the range shows, so each quantity changes by its trades (%s)',
    (_, name, from) => {
      const layout = layoutOf(name, from);
      const quarterStart = layout.quarters.find((q) => q.end === layout.period1)?.start;
      const base = heldThroughBase();
      for (let seed = 1; seed <= SEEDS; seed++) {
        const built = basePositions(
          base,
          layout,
          flatMarket(layout.days),
          createRandomSource(seed, 'scale/holdings/base'),
        );
        expect(unexplainedChanges(layout, base, built)).toEqual([]);
        expect(built.trades).toHaveLength(BASE_PERIOD_POSITIONS.period1);
        // On period 1 only when the range leaves no earlier day after the quarter's start.
        const latest = from ? PERIOD_1 : layout.days[layout.period1 - 1];
        expect(built.trades.every((t) => t.type === 'BUY' && t.date <= latest)).toBe(true);
        // Held on the quarter's start too, a position would be one variance row, not two.
        expect(built.lines.filter((line) => line.from <= (quarterStart ?? -1))).toEqual([]);
      }
    },
  );

  it("starts a range after period 1 with the base set's trades and splits before it applied", () => {
    const profile = resolveScaleProfile('small', { from: '2025-03-03', to: '2025-03-14' });
    const layout = layoutHoldings(tradingDays(profile), profile);
    expect(layout.period1).toBe(-1);
    const base: BaseSetPositions = {
      period1: [snapshot(1, 3, 100), snapshot(3, 20, 100)],
      period2: [snapshot(1, 3, 220), snapshot(2, 10, 40)],
      trades: [
        { ...trade(2, 10, 'BUY', 40), txn_date: '2025-01-15' },
        { ...trade(3, 20, 'SELL', 100), txn_date: '2025-02-03' },
        { ...trade(1, 3, 'BUY', 50), txn_date: '2025-02-10' },
        { ...trade(1, 3, 'SELL', 30), txn_date: '2025-03-05' },
      ],
      events: [
        { security_id: 'SEC-0003', action_type: 'STOCK_SPLIT', ex_date: '2025-02-07', ratio: '2' },
      ],
    };
    const built = basePositions(
      base,
      layout,
      flatMarket(layout.days),
      createRandomSource(1, 'scale/holdings/base'),
    );
    const quantities = quantitiesByDay(layout, base, built);
    // 100 split 2-for-1, 50 bought, then 30 sold in the range; 40 bought; all 100 sold.
    expect(quantities.get('PORT-001/SEC-0003')?.slice(0, 3)).toEqual([250, 250, 220]);
    expect(quantities.get('PORT-002/SEC-0010')?.[0]).toBe(40);
    expect(quantities.get('PORT-003/SEC-0020')).toBeUndefined();
    expect(unexplainedChanges(layout, base, built)).toEqual([]);
  });
});

function trade(portfolio: number, security: number, side: 'BUY' | 'SELL', quantity: number) {
  const { portfolio_id, security_id } = snapshot(portfolio, security, quantity);
  return { portfolio_id, security_id, txn_type: side, quantity: String(quantity), price: '10' };
}
