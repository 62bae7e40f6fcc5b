import { Queryable } from '@securities/database';
import { IsoDate, RandomSource } from '@securities/market-sim';
import { ExactDecimal, rollAverageCost, toCents } from '@securities/variance';
import Decimal from 'decimal.js';
import { HeldLine } from './book-lines';
import { MarketView, PositionDay, priceUsd, tradeRow, TradeRow } from './book-trading';
import { HoldingsLayout, PERIOD_1, PERIOD_2 } from './holdings-layout';

interface SnapshotRecord {
  portfolio_id: string;
  security_id: string;
  quantity: string;
  cost_basis: string;
}

interface BaseTradeRecord {
  portfolio_id: string;
  security_id: string;
  txn_type: 'BUY' | 'SELL';
  quantity: string;
  price: string;
  txn_date: string;
}

interface EventRecord {
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

/**
 * Reads the snapshots and trades of the base set and lays them over the range: each period-1
 * position is bought on a random day of the quarter before period 1 at its book cost and held
 * unchanged to period 1; between the periods the quantity follows the base trades (and splits, and
 * maturity); after period 2 it stays as on period 2.
 */
export async function loadBasePositions(
  db: Queryable,
  layout: HoldingsLayout,
  market: MarketView,
  random: RandomSource,
): Promise<BasePositions> {
  const { days, period1 } = layout;
  const last = days.length - 1;
  const result: BasePositions = { lines: [], days: [], trades: [] };
  if (days[last] < PERIOD_1) return result;

  const snapshot = async (table: string) =>
    new Map(
      (
        (await db.query(
          `SELECT portfolio_id, security_id, quantity::text, cost_basis::text FROM ${table}`,
        )) as SnapshotRecord[]
      ).map((row) => [key(row.portfolio_id, row.security_id), row]),
    );
  const first = await snapshot('holdings_period_1');
  const second = await snapshot('holdings_period_2');
  const trades = (await db.query(
    `SELECT portfolio_id, security_id, txn_type, quantity::text, price::text, txn_date::text
     FROM transactions WHERE txn_date > $1 AND txn_date <= $2 ORDER BY txn_date, txn_id`,
    [PERIOD_1, PERIOD_2],
  )) as BaseTradeRecord[];
  const events = (await db.query(
    `SELECT security_id, action_type, ex_date::text, ratio::text FROM corporate_actions
     WHERE action_type IN ('STOCK_SPLIT', 'MATURITY') AND ex_date > $1 AND ex_date <= $2`,
    [PERIOD_1, PERIOD_2],
  )) as EventRecord[];

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
    for (let day = Math.max(period1, 0) + 1; day < days.length && days[day] <= PERIOD_2; day++) {
      const date = days[day];
      for (const event of own.filter((e) => e.ex_date === date)) {
        if (event.action_type === 'STOCK_SPLIT') quantity *= Number(event.ratio);
        else quantity = 0;
      }
      for (const trade of mine.filter((t) => t.txn_date === date)) {
        const signed = (trade.txn_type === 'BUY' ? 1 : -1) * Number(trade.quantity);
        cost = rollAverageCost(
          cost,
          quantity,
          signed,
          priceUsd(market, security, trade.price, day),
        );
        quantity += signed;
      }
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
      if (date < PERIOD_1) {
        if (start && day >= openDay) {
          held = { quantity: Number(start.quantity), cost: new ExactDecimal(start.cost_basis) };
          if (day === openDay && day > 0)
            result.trades.push(openingTrade(market, portfolioId, security.securityId, day, start));
        }
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

/** Draws (once per position, in a fixed order) the day a period-1 position was bought. */
function openingDay(
  opening: { start: number } | undefined,
  period1: number,
  random: RandomSource,
): number {
  return opening ? random.nextInt(opening.start + 1, period1) : 0;
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
