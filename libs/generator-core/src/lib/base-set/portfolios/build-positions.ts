import type { SecurityType } from '@securities/vocabulary';
import {
  addBusinessDays,
  businessDaysBetween,
  createRandomSource,
  CurrencyCode,
  IsoDate,
  LOWEST_INVESTMENT_GRADE_NOTCH,
  RandomSource,
} from '@securities/market-sim';
import { rollAverageCost } from '@securities/variance';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { CorporateActionEvent, Market } from '../market/market-model';
import { notchOn, RatingEvent } from '../market/credit-history';
import { Money } from '../money';
import { dailyVolatility } from '../market/security-volatility';
import { SCENARIO_ONLY_SECURITIES } from '../scenarios';
import { SecurityModel, Universe } from '../universe/universe-model';
import { logUniform, roundTo } from '../draws';
import { PORTFOLIO_PLANS, Pool, PositionSize, PositionSlot } from './portfolio-plan';
import { Position, Trade } from './position-model';

/** BBB+ and below: what a high-yield fund may hold as crossover credit. */
const CROSSOVER_NOTCH = 7;

/** Target USD value of a new position, by kind. */
const TARGET_VALUE_USD: Readonly<
  Record<Exclude<PositionSize, 'shock'>, readonly [number, number]>
> = {
  normal: [0.8e6, 6e6],
  opening: [0.8e6, 3.5e6],
  option: [0.3e6, 1.2e6],
  future: [2e6, 5e6],
};
/** New Year's Day is a weekday of the calendar, but no market trades on it. */
const FIRST_TRADING_DAY = '2025-01-02';
/** A shock position is a large, concentrated bet: 20-28 million USD on period 1. */
const SHOCK_VALUE_USD: readonly [number, number] = [20e6, 28e6];
/** Its |P&L| is at least this multiple of any other position's. */
const SHOCK_PNL_MARGIN = 1.25;
/** Shorts are run smaller than longs. */
const SHORT_SIZE_FACTOR = 0.6;
/** A trade moves this share of the position. */
const TRADE_SHARE: readonly [number, number] = [0.1, 0.3];
/** Sales never take a position held on both dates below this share of where it started. */
const MIN_REMAINING_SHARE = 0.5;
/** How far a fill strays from the close, in units of the day's volatility. */
const FILL_DISPERSION = 0.25;
/** Commission in basis points of the traded value, and its minimum (funds are bought at NAV, free). */
const COMMISSION_BP: Readonly<Record<SecurityType, number>> = {
  EQUITY: 5,
  ETF: 3,
  FUND: 0,
  BOND: 1.5,
  CLO: 1.5,
  ABS: 1.5,
  OPTION: 10,
  FUTURE: 0.5,
};
const MIN_COMMISSION = 1;
/** Markets settling T+1 (the US, Canada and India since 2023-24); the rest settle T+2. */
const T_PLUS_1_CURRENCIES: ReadonlySet<CurrencyCode> = new Set(['USD', 'CAD', 'INR']);
/** Where a position's average cost sits relative to the period-1 price, by asset class. */
const COST_TO_PRICE: Readonly<Record<SecurityType, readonly [number, number]>> = {
  EQUITY: [0.55, 1.25],
  BOND: [0.94, 1.04],
  CLO: [0.97, 1.02],
  ABS: [0.97, 1.02],
  OPTION: [0.6, 1.4],
  FUTURE: [0.97, 1.03],
  ETF: [0.8, 1.1],
  FUND: [0.8, 1.1],
};
/** The FX rate when a foreign position was bought, around period 1's. */
const COST_FX_DISPERSION = 0.05;

interface PositionContext {
  random: RandomSource;
  market: Market;
  splitOf: (securityId: string) => CorporateActionEvent | undefined;
}

/** Units a position is traded in: board lots, bond pieces, option and fund units. */
function lotSize(security: SecurityModel, price: number): number {
  switch (security.type) {
    case 'BOND':
    case 'CLO':
    case 'ABS':
      return 10_000;
    case 'FUTURE':
    case 'FUND':
      return 1;
    case 'ETF':
      return 10;
    case 'OPTION':
      return 100;
    case 'EQUITY':
      return security.currency === 'KRW'
        ? 1
        : security.currency === 'JPY' || price < 100
          ? 100
          : 10;
  }
}

function usdPerUnit(market: Market, security: SecurityModel, date: IsoDate): number {
  return (
    market.close(security.securityId, date) *
    Number(security.priceFactor) *
    market.fxRate(security.currency, date)
  );
}

function roundToLots(quantity: number, lot: number): number {
  return Math.max(lot, Math.round(quantity / lot) * lot);
}

/** The whole number of lots worth about `valueUsd` on the date. */
function quantityWorth(
  market: Market,
  security: SecurityModel,
  valueUsd: number,
  date: IsoDate,
): number {
  const price = market.close(security.securityId, date);
  return roundToLots(valueUsd / usdPerUnit(market, security, date), lotSize(security, price));
}

function pool(universe: Universe, ratings: readonly RatingEvent[], name: Pool): SecurityModel[] {
  const notch = (security: SecurityModel) =>
    security.pricing.kind === 'bond'
      ? notchOn(ratings, security.pricing.ratedIssuerId, PERIOD_1)
      : undefined;
  const isCredit = (security: SecurityModel) =>
    security.pricing.kind === 'bond' && security.status === 'ACTIVE';
  const tests: Record<Pool, (security: SecurityModel) => boolean> = {
    equity: (security) => security.type === 'EQUITY',
    'us-equity': (security) => security.type === 'EQUITY' && security.currency === 'USD',
    'non-us-equity': (security) => security.type === 'EQUITY' && security.currency !== 'USD',
    'investment-grade': (security) =>
      isCredit(security) && (notch(security) ?? Infinity) <= LOWEST_INVESTMENT_GRADE_NOTCH,
    'high-yield-and-crossover': (security) =>
      isCredit(security) && (notch(security) ?? -Infinity) >= CROSSOVER_NOTCH,
  };
  return universe.securities.filter(
    (security) => tests[name](security) && !SCENARIO_ONLY_SECURITIES.includes(security.securityId),
  );
}

/** The securities of a portfolio's slots: named ones first, then draws from each slot's pool. */
function chooseSecurities(
  context: PositionContext,
  universe: Universe,
  ratings: readonly RatingEvent[],
  slots: readonly PositionSlot[],
): SecurityModel[] {
  const byId = new Map(universe.securities.map((security) => [security.securityId, security]));
  const taken = new Set(
    slots.flatMap((slot) => ('securityId' in slot.holds ? [slot.holds.securityId] : [])),
  );
  return slots.map((slot) => {
    if ('securityId' in slot.holds) {
      const security = byId.get(slot.holds.securityId);
      if (!security) throw new Error(`no security ${slot.holds.securityId} in the universe`);
      return security;
    }
    const candidates = pool(universe, ratings, slot.holds.pool).filter(
      (security) => !taken.has(security.securityId),
    );
    if (candidates.length === 0) throw new Error(`pool ${slot.holds.pool} has no security left`);
    const chosen = context.random.pick(candidates);
    taken.add(chosen.securityId);
    return chosen;
  });
}

/** Distinct trading days in the period from `earliest` on, ascending. */
function tradeDates(random: RandomSource, count: number, earliest: IsoDate): IsoDate[] {
  const days = businessDaysBetween(earliest, PERIOD_2);
  return random.shuffle(days).slice(0, count).sort();
}

function makeTrade(
  context: PositionContext,
  portfolioId: string,
  security: SecurityModel,
  date: IsoDate,
  signedQuantity: number,
): Trade {
  const { random, market } = context;
  const close = market.close(security.securityId, date);
  const tick = Math.pow(10, -security.priceDecimals);
  const price = Math.max(
    tick,
    roundTo(
      close * Math.exp(FILL_DISPERSION * dailyVolatility(security) * random.nextNormal()),
      security.priceDecimals,
    ),
  );
  const quantity = Math.abs(signedQuantity);
  const notional = quantity * price * Number(security.priceFactor);
  const commissionBp = COMMISSION_BP[security.type];
  const fees =
    commissionBp === 0
      ? 0
      : Math.max(MIN_COMMISSION, roundTo((notional * commissionBp) / 10_000, 2));
  const tPlus1 =
    T_PLUS_1_CURRENCIES.has(security.currency) ||
    security.type === 'OPTION' ||
    security.type === 'FUTURE';
  return {
    portfolioId,
    securityId: security.securityId,
    type: signedQuantity > 0 ? 'BUY' : 'SELL',
    quantity,
    price,
    date,
    settlementDate: addBusinessDays(date, tPlus1 ? 1 : 2),
    fees,
    currency: security.currency,
  };
}

/**
 * The period's trades of one position and where they leave it. Trades in a split stock come after
 * its ex-date, in post-split shares, so quantity_2 = quantity_1 x ratio + buys - sells holds as is.
 */
function tradePosition(
  context: PositionContext,
  position: Position,
  slot: PositionSlot,
  ordinal: number,
): Position {
  const { random } = context;
  const { security } = position;
  const split = context.splitOf(security.securityId);
  const ratio = split?.ratio ?? 1;
  const sign = position.side === 'long' ? 1 : -1;
  const start = position.quantity1 * ratio;
  const dates = tradeDates(random, slot.trades, split?.exDate ?? FIRST_TRADING_DAY);
  let quantity = start;
  const trades: Trade[] = [];
  dates.forEach((date, k) => {
    const lot = lotSize(security, context.market.close(security.securityId, date));
    const share = roundToLots(Math.abs(quantity) * random.nextBetween(...TRADE_SHARE), lot);
    let change: number;
    if (position.lifecycle === 'closed') {
      const remaining = slot.trades - k;
      change =
        -sign *
        (remaining === 1
          ? Math.abs(quantity)
          : Math.min(Math.abs(quantity) - lot, roundToLots(Math.abs(quantity) / remaining, lot)));
    } else if (position.lifecycle === 'new' && k === 0) {
      const target =
        logUniform(random, ...TARGET_VALUE_USD[slot.size === 'future' ? 'future' : 'opening']) *
        (position.side === 'short' ? SHORT_SIZE_FACTOR : 1);
      change = sign * quantityWorth(context.market, security, target, date);
    } else {
      const addFirst = position.lifecycle === 'new' ? k % 2 === 1 : (ordinal + k) % 2 === 0;
      const floor = position.lifecycle === 'new' ? lot : Math.abs(start) * MIN_REMAINING_SHARE;
      const canReduce = Math.abs(quantity) - share >= floor;
      change = addFirst || !canReduce ? sign * share : -sign * share;
    }
    trades.push(makeTrade(context, position.portfolioId, security, date, change));
    quantity += change;
  });
  return { ...position, quantity2: position.lifecycle === 'matured' ? 0 : quantity, trades };
}

/** Book cost in USD: the average cost of the holding on period 1, then rolled through the trades. */
function withCostBasis(context: PositionContext, position: Position): Position {
  const { random, market } = context;
  const { security } = position;
  const priceFactor = Number(security.priceFactor);
  const costToPrice = random.nextBetween(...COST_TO_PRICE[security.type]);
  const fxDrift =
    security.currency === 'USD' ? 1 : Math.exp(COST_FX_DISPERSION * random.nextNormal());
  const averageCost1 = market.close(security.securityId, PERIOD_1) * costToPrice;
  const cost1 = new Money(position.quantity1)
    .times(averageCost1)
    .times(priceFactor)
    .times(market.fxRate(security.currency, PERIOD_1) * fxDrift)
    .toDecimalPlaces(2);

  let cost = cost1;
  let quantity = position.quantity1 * (context.splitOf(security.securityId)?.ratio ?? 1);
  for (const trade of position.trades) {
    const signed = trade.type === 'BUY' ? trade.quantity : -trade.quantity;
    const unitCostUsd = new Money(trade.price)
      .times(priceFactor)
      .times(market.fxRate(security.currency, trade.date));
    cost = rollAverageCost(cost, quantity, signed, unitCostUsd);
    quantity += signed;
  }
  const held2 = position.quantity2 !== 0;
  return {
    ...position,
    costBasis1: cost1,
    costBasis2: held2 ? cost.toDecimalPlaces(2) : new Money(0),
  };
}

/**
 * Every position of the seven portfolios with its quantities on both dates, its trades and its
 * book cost. The large positions of the price-shock scenario start at zero: they are sized once
 * every other position's P&L is known (see sizeShockPositions).
 */
export function buildPositions(
  seed: number,
  universe: Universe,
  ratings: readonly RatingEvent[],
  market: Market,
): Position[] {
  const splits = new Map(
    market.corporateActions
      .filter((action) => action.type === 'STOCK_SPLIT')
      .map((action) => [action.securityId, action]),
  );
  const context: PositionContext = {
    random: createRandomSource(seed, 'positions'),
    market,
    splitOf: (id) => splits.get(id),
  };
  const tradeContext: PositionContext = { ...context, random: createRandomSource(seed, 'trades') };
  const costContext: PositionContext = {
    ...context,
    random: createRandomSource(seed, 'cost-basis'),
  };

  return PORTFOLIO_PLANS.flatMap((plan) => {
    const securities = chooseSecurities(context, universe, ratings, plan.slots);
    return plan.slots.map((slot, ordinal) => {
      const security = securities[ordinal];
      const heldOnPeriod1 = slot.lifecycle !== 'new' && slot.size !== 'shock';
      const target =
        slot.size === 'shock'
          ? 0
          : logUniform(context.random, ...TARGET_VALUE_USD[slot.size]) *
            (slot.side === 'short' ? SHORT_SIZE_FACTOR : 1);
      const quantity1 = heldOnPeriod1
        ? (slot.side === 'short' ? -1 : 1) *
          quantityWorth(context.market, security, target, PERIOD_1)
        : 0;
      const position: Position = {
        portfolioId: plan.portfolioId,
        security,
        lifecycle: slot.lifecycle,
        side: slot.side,
        size: slot.size,
        quantity1,
        quantity2: quantity1,
        trades: [],
        costBasis1: new Money(0),
        costBasis2: new Money(0),
      };
      return withCostBasis(costContext, tradePosition(tradeContext, position, slot, ordinal));
    });
  });
}

/**
 * Sizes the price-shock positions (held, never traded) so each one's |P&L| beats the largest of
 * every other position by a margin: whatever the seed draws, the shocks top the movers list.
 */
export function sizeShockPositions(
  positions: readonly Position[],
  market: Market,
  largestOtherPnlUsd: number,
  seed: number,
): Position[] {
  const random = createRandomSource(seed, 'shock-sizes');
  const context: PositionContext = { random, market, splitOf: () => undefined };
  return positions.map((position) => {
    if (position.size !== 'shock') return position;
    const { security } = position;
    const perUnit = Math.abs(
      usdPerUnit(market, security, PERIOD_2) - usdPerUnit(market, security, PERIOD_1),
    );
    const lot = lotSize(security, market.close(security.securityId, PERIOD_1));
    const target = quantityWorth(
      market,
      security,
      logUniform(random, ...SHOCK_VALUE_USD),
      PERIOD_1,
    );
    const needed = Math.ceil((SHOCK_PNL_MARGIN * largestOtherPnlUsd) / perUnit / lot) * lot;
    const quantity = Math.max(target, needed);
    return withCostBasis(
      {
        ...context,
        random: createRandomSource(
          seed,
          `shock-cost/${position.portfolioId}/${security.securityId}`,
        ),
      },
      { ...position, quantity1: quantity, quantity2: quantity },
    );
  });
}
