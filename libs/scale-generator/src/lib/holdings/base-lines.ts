import { Queryable } from '@securities/database';
import { IsoDate, RandomSource } from '@securities/market-sim';
import { ExactDecimal, rollAverageCost, toCents } from '@securities/variance';
import Decimal from 'decimal.js';
import { HeldLine } from './book-lines';
import { MarketView, PositionDay, priceUsd, tradeRow, TradeRow } from './book-trading';
import { HoldingsLayout, PERIOD_1, PERIOD_2 } from './holdings-layout';

export interface SnapshotRecord {
  portfolio_id: string;
  security_id: string;
  quantity: string;
  cost_basis: string;
}

export interface BaseTradeRecord {
  portfolio_id: string;
  security_id: string;
  txn_type: 'BUY' | 'SELL';
  quantity: string;
  price: string;
  txn_date: string;
}

export interface EventRecord {
  security_id: string;
  action_type: 'STOCK_SPLIT' | 'MATURITY';
  ex_date: string;
  ratio: string | null;
}

/** The base set's positions as the scale set extends them over the range. */
export interface BasePositions {
  lines: HeldLine[];
  /** Holdings rows on days other than the period dates (those are copied from the snapshots). */
  days: PositionDay[];
  /** Purchases of the period-1 positions in the quarter before it (the base trades stay as they are). */
  trades: TradeRow[];
}

const key = (portfolioId: string, securityId: string) => `${portfolioId}/${securityId}`;

/** What the base set says of its positions: both snapshots, the trades and events in between. */
export interface BaseSetPositions {
  period1: SnapshotRecord[];
  period2: SnapshotRecord[];
  /** Trades dated after period 1 and up to period 2, in date order. */
  trades: BaseTradeRecord[];
  /** Splits and maturities going ex after period 1 and up to period 2. */
  events: EventRecord[];
}

export async function readBaseSetPositions(db: Queryable): Promise<BaseSetPositions> {
  const snapshot = async (table: string) =>
    (await db.query(
      `SELECT portfolio_id, security_id, quantity::text, cost_basis::text FROM ${table}`,
    )) as SnapshotRecord[];
  return {
    period1: await snapshot('holdings_period_1'),
    period2: await snapshot('holdings_period_2'),
    trades: (await db.query(
      `SELECT portfolio_id, security_id, txn_type, quantity::text, price::text, txn_date::text
       FROM transactions WHERE txn_date > $1 AND txn_date <= $2 ORDER BY txn_date, txn_id`,
      [PERIOD_1, PERIOD_2],
    )) as BaseTradeRecord[],
    events: (await db.query(
      `SELECT security_id, action_type, ex_date::text, ratio::text FROM corporate_actions
       WHERE action_type IN ('STOCK_SPLIT', 'MATURITY') AND ex_date > $1 AND ex_date <= $2`,
      [PERIOD_1, PERIOD_2],
    )) as EventRecord[],
  };
}

/** The base set's positions over the range (see basePositions), read from the database. */
export async function loadBasePositions(
  db: Queryable,
  layout: HoldingsLayout,
  market: MarketView,
  random: RandomSource,
): Promise<BasePositions> {
  return basePositions(await readBaseSetPositions(db), layout, market, random);
}

/**
 * Lays the base set's positions over the range: each period-1 position is bought on a random day
 * of the quarter before period 1 at its book cost and held unchanged to period 1; between the
 * periods the quantity follows the base trades (and splits, and maturity); after period 2 it stays
 * as on period 2.
 */
export function basePositions(
  base: BaseSetPositions,
  layout: HoldingsLayout,
  market: MarketView,
  random: RandomSource,
): BasePositions {
  const { days, period1 } = layout;
  const result: BasePositions = { lines: [], days: [], trades: [] };
  if (days[days.length - 1] < PERIOD_1) return result;
  const bySnapshotKey = (rows: SnapshotRecord[]) =>
    new Map(rows.map((row) => [key(row.portfolio_id, row.security_id), row]));
  const first = bySnapshotKey(base.period1);
  const second = bySnapshotKey(base.period2);
  const { trades, events } = base;

  const opening = layout.quarters.find((quarter) => quarter.end === period1);
  for (const position of new Set([...first.keys(), ...second.keys()])) {
    const [portfolioId, securityId] = position.split('/');
    const security = market.security(securityId);
    const start = first.get(position);
    const end = second.get(position);
    const quantityOn = new Map<IsoDate, { quantity: number; cost: Decimal }>();
    let quantity = Number(start?.quantity ?? 0);
    let cost = new ExactDecimal(start?.cost_basis ?? 0);
    const mine = trades.filter(
      (t) => t.portfolio_id === portfolioId && t.security_id === securityId,
    );
    const own = events.filter((e) => e.security_id === securityId);
    const changedOn = [
      ...new Set([...own.map((e) => e.ex_date), ...mine.map((t) => t.txn_date)]),
    ].sort();
    // A range that starts after period 1 begins with what the base set did before its first day.
    let appliedUntil: IsoDate = PERIOD_1;
    for (let day = period1 + 1; day < days.length && days[day] <= PERIOD_2; day++) {
      const date = days[day];
      for (const on of changedOn.filter((on) => on > appliedUntil && on <= date)) {
        for (const event of own.filter((e) => e.ex_date === on)) {
          if (event.action_type === 'STOCK_SPLIT') quantity *= Number(event.ratio);
          else quantity = 0;
        }
        for (const trade of mine.filter((t) => t.txn_date === on)) {
          const signed = (trade.txn_type === 'BUY' ? 1 : -1) * Number(trade.quantity);
          // A trade before the range is valued at its first day's FX: the range has no earlier rate.
          cost = rollAverageCost(
            cost,
            quantity,
            signed,
            priceUsd(market, security, trade.price, day),
          );
          quantity += signed;
        }
      }
      appliedUntil = date;
      if (quantity === 0) cost = new ExactDecimal(0);
      quantityOn.set(date, { quantity, cost });
    }
    const onPeriod2 = quantityOn.get(PERIOD_2);
    if (onPeriod2 && onPeriod2.quantity !== Number(end?.quantity ?? 0)) {
      throw new Error(
        `${position}: the base set's trades lead to ${onPeriod2.quantity} on ${PERIOD_2}, its snapshot holds ${end?.quantity ?? 0}`,
      );
    }

    const openDay = start && period1 > 0 ? openingDay(opening, period1, random) : Infinity;
    let from = -1;
    const close = (until: number) => {
      if (from >= 0) result.lines.push({ portfolioId, securityId, from, until });
      from = -1;
    };
    for (let day = 0; day < days.length; day++) {
      const date = days[day];
      let held: { quantity: number; cost: Decimal } | undefined;
      if (start && day === openDay && day > 0)
        result.trades.push(openingTrade(market, portfolioId, security.securityId, day, start));
      if (date < PERIOD_1) {
        if (start && day >= openDay)
          held = { quantity: Number(start.quantity), cost: new ExactDecimal(start.cost_basis) };
      } else if (date === PERIOD_1)
        held = start && { quantity: Number(start.quantity), cost: new ExactDecimal(0) };
      else if (date <= PERIOD_2) held = quantityOn.get(date);
      else held = end && { quantity: Number(end.quantity), cost: new ExactDecimal(end.cost_basis) };
      if (!held || held.quantity === 0) {
        close(day);
        continue;
      }
      if (from < 0) from = day;
      if (date !== PERIOD_1 && date !== PERIOD_2) {
        result.days.push({
          portfolioId,
          securityId,
          day,
          quantity: held.quantity,
          costBasis: toCents(held.cost),
        });
      }
    }
    close(days.length);
  }
  return result;
}

/**
 * Draws (once per position, in a fixed order) the day a period-1 position was bought: after the
 * quarter's start (held on both its dates, a position would be one variance row, not the two the
 * layout counts) and before period 1, so it is held unchanged to period 1.
 */
function openingDay(
  opening: { start: number } | undefined,
  period1: number,
  random: RandomSource,
): number {
  if (!opening) return 0;
  const [first, last] = [opening.start + 1, period1 - 1];
  // A range starting the day before period 1 leaves no day in between: bought on period 1 itself.
  return first <= last ? random.nextInt(first, last) : period1;
}

/** The purchase at the position's book cost: price = cost / (quantity x factor x FX). */
function openingTrade(
  market: MarketView,
  portfolioId: string,
  securityId: string,
  day: number,
  start: SnapshotRecord,
): TradeRow {
  const security = market.security(securityId);
  const quantity = Number(start.quantity);
  const price = new ExactDecimal(start.cost_basis)
    .abs()
    .dividedBy(
      new ExactDecimal(Math.abs(quantity))
        .times(security.priceFactor)
        .times(market.fxRate(security.currency, day)),
    )
    .toDecimalPlaces(6);
  const usable = price.gt(0) ? price.toFixed() : security.vwaps[day];
  return tradeRow(market, security, portfolioId, day, quantity, usable);
}
