import { addBusinessDays, IsoDate, RandomSource } from '@securities/market-sim';
import { ExactDecimal, rollAverageCost, toCents } from '@securities/variance';
import Decimal from 'decimal.js';
import { HeldLine } from './book-lines';

/** What trading needs to know of a security: its prices and FX each day, and its splits. */
export interface TradedSecurity {
  securityId: string;
  currency: string;
  priceFactor: string;
  /** Units a trade is a multiple of (shares, contracts, or face value for bonds). */
  lot: number;
  /** Day's close and vwap (text, as stored), by day index. */
  closes: readonly number[];
  vwaps: readonly string[];
  /** Split ratio by ex-date day index. */
  splits: ReadonlyMap<number, number>;
}

export interface TradeRow {
  securityId: string;
  portfolioId: string;
  type: 'BUY' | 'SELL';
  quantity: number;
  price: string;
  date: IsoDate;
  settlementDate: IsoDate;
  fees: string;
  currency: string;
}

/** One holdings row before valuation: quantity and average-cost book value in USD. */
export interface PositionDay {
  portfolioId: string;
  securityId: string;
  day: number;
  quantity: number;
  costBasis: string;
}

export interface MarketView {
  days: readonly IsoDate[];
  security(securityId: string): TradedSecurity;
  /** USD per unit of the currency on a day, as stored in fx_rates ('1' for USD). */
  fxRate(currency: string, day: number): string;
}

/** Commission: 5 basis points of the trade's value, in the trade's currency. */
const FEE_RATE = '0.0005';
const SETTLEMENT_DAYS = 2;
/** Median USD value a trading-book position starts at. */
const MEDIAN_POSITION_USD = 2_500_000;

export function tradeRow(
  market: MarketView,
  security: TradedSecurity,
  portfolioId: string,
  day: number,
  signedQuantity: number,
  price: string,
): TradeRow {
  const quantity = Math.abs(signedQuantity);
  return {
    securityId: security.securityId,
    portfolioId,
    type: signedQuantity > 0 ? 'BUY' : 'SELL',
    quantity,
    price,
    date: market.days[day],
    settlementDate: addBusinessDays(market.days[day], SETTLEMENT_DAYS),
    fees: toCents(
      new ExactDecimal(price).times(quantity).times(security.priceFactor).times(FEE_RATE),
    ),
    currency: security.currency,
  };
}

/** One unit's price in USD: price x price factor x the day's FX. */
export const priceUsd = (
  market: MarketView,
  security: TradedSecurity,
  price: string,
  day: number,
) =>
  new ExactDecimal(price).times(security.priceFactor).times(market.fxRate(security.currency, day));

/**
 * Trades the trading book's positions: each is bought on its first day (unless held from before
 * the range), traded on exactly `extraTrades` of all its later days together (drawn without
 * replacement, so the total is exact), and sold on the day it ends. Trades are at the day's vwap.
 */
export function tradeBook(
  lines: readonly HeldLine[],
  market: MarketView,
  extraTrades: number,
  random: RandomSource,
  emit: (trade: TradeRow | undefined, days: PositionDay[]) => void,
): void {
  let candidates = lines.reduce((sum, line) => sum + line.until - line.from - 1, 0);
  let toDraw = Math.max(0, Math.min(extraTrades, candidates));
  for (const line of lines) {
    const security = market.security(line.securityId);
    const value = MEDIAN_POSITION_USD * Math.exp(0.6 * random.nextNormal());
    const unitUsd =
      security.closes[line.from] *
      Number(security.priceFactor) *
      Number(market.fxRate(security.currency, line.from));
    let quantity = Math.max(1, Math.round(value / unitUsd / security.lot)) * security.lot;
    let cost: Decimal;
    const rows: PositionDay[] = [];
    if (line.from === 0) {
      // Held from before the range: booked at the first day's close.
      cost = priceUsd(market, security, String(security.closes[0]), 0).times(quantity);
    } else {
      const price = security.vwaps[line.from];
      cost = priceUsd(market, security, price, line.from).times(quantity);
      emit(tradeRow(market, security, line.portfolioId, line.from, quantity, price), []);
    }
    rows.push(positionDay(line, line.from, quantity, cost));
    for (let day = line.from + 1; day < line.until; day++) {
      const ratio = security.splits.get(day);
      if (ratio !== undefined) quantity *= ratio;
      const trades = random.nextFloat() * candidates < toDraw;
      candidates--;
      if (trades) {
        toDraw--;
        const lots = quantity / security.lot;
        const size = Math.max(1, Math.round(lots * random.nextBetween(0.05, 0.25))) * security.lot;
        const signed =
          lots > 1 && random.nextBoolean(0.5) ? -Math.min(size, quantity - security.lot) : size;
        const price = security.vwaps[day];
        cost = rollAverageCost(cost, quantity, signed, priceUsd(market, security, price, day));
        quantity += signed;
        emit(tradeRow(market, security, line.portfolioId, day, signed, price), []);
      }
      rows.push(positionDay(line, day, quantity, cost));
    }
    if (line.until < market.days.length) {
      const ratio = security.splits.get(line.until);
      if (ratio !== undefined) quantity *= ratio;
      emit(
        tradeRow(
          market,
          security,
          line.portfolioId,
          line.until,
          -quantity,
          security.vwaps[line.until],
        ),
        [],
      );
    }
    emit(undefined, rows);
  }
}

function positionDay(line: HeldLine, day: number, quantity: number, cost: Decimal): PositionDay {
  return {
    portfolioId: line.portfolioId,
    securityId: line.securityId,
    day,
    quantity,
    costBasis: toCents(cost),
  };
}
