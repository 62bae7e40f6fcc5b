import Decimal from 'decimal.js';
import { ExactDecimal } from '@securities/variance';
import { IsoDate } from '@securities/market-sim';
import { Adjustment } from '@securities/vocabulary';

/** Decimals kept in a factor (each action's and each cumulative product), rounded half up. */
export const FACTOR_DECIMALS = 12;

const ONE = new ExactDecimal(1);

/** A corporate_actions row, with the close a dividend's factor is measured against. */
export interface CorporateActionRecord {
  actionId: number;
  actionType: string;
  exDate: IsoDate;
  /** New shares per old share of a split (4 for a 4-for-1), as PostgreSQL numeric text. */
  ratio: string | null;
  /** Cash per share of a dividend, in the price's currency. */
  amount: string | null;
  /** The last close before the ex-date (pricing_history); null when the data starts later. */
  previousClose: { date: IsoDate; close: string } | null;
}

export interface ActionFactors {
  actionId: number;
  exDate: IsoDate;
  /** Multiplies prices dated before the ex-date: 1 / ratio for a split, 1 for anything else. */
  splitFactor: Decimal;
  /** Multiplies volumes dated before the ex-date: the split's ratio, 1 for anything else. */
  volumeFactor: Decimal;
  /**
   * Multiplies prices dated before the ex-date: 1 - amount / previous close for a cash dividend
   * (the standard multiplicative back-adjustment), 1 for anything else, coupons and maturities
   * included, and 1 when there is no close before the ex-date to measure the dividend against.
   */
  dividendFactor: Decimal;
}

const rounded = (value: Decimal) => value.toDecimalPlaces(FACTOR_DECIMALS, Decimal.ROUND_HALF_UP);

/** The factors one corporate action contributes to the bars dated before its ex-date. */
export function actionFactors(action: CorporateActionRecord): ActionFactors {
  const isSplit = action.actionType === 'STOCK_SPLIT' && action.ratio !== null;
  const ratio = isSplit ? new ExactDecimal(action.ratio as string) : ONE;
  const isDividend =
    action.actionType === 'DIVIDEND' && action.amount !== null && action.previousClose !== null;
  let dividendFactor = ONE;
  if (isDividend) {
    const close = new ExactDecimal((action.previousClose as { close: string }).close);
    dividendFactor = rounded(ONE.minus(new ExactDecimal(action.amount as string).div(close)));
    if (dividendFactor.lte(0)) {
      throw new RangeError(
        `corporate action ${action.actionId}: dividend ${action.amount} is not below the previous close ${close.toFixed()}`,
      );
    }
  }
  return {
    actionId: action.actionId,
    exDate: action.exDate,
    splitFactor: rounded(ONE.div(ratio)),
    volumeFactor: ratio,
    dividendFactor,
  };
}

/** The factors applied to one bar: prices x price, volume x volume. */
export interface BarFactors {
  price: Decimal;
  volume: Decimal;
}

/** Bars dated before `before` (and on or after the previous step's) take these factors. */
export interface AdjustmentStep extends BarFactors {
  before: IsoDate;
}

/**
 * Back-adjustment as a step function of the date: a bar dated d is multiplied by the product of
 * the factors of every action whose ex-date is after d (so the latest prices stay as traded).
 * `split` applies split factors, `dividend` dividend factors, `all` both, `raw` none. Steps come
 * in ascending `before` order; after the last one the factor is 1.
 */
export function adjustmentSchedule(
  actions: readonly ActionFactors[],
  adjustment: Adjustment,
): AdjustmentStep[] {
  const withSplits = adjustment === 'split' || adjustment === 'all';
  const withDividends = adjustment === 'dividend' || adjustment === 'all';
  const byDate = new Map<IsoDate, BarFactors>();
  for (const action of actions) {
    const own = byDate.get(action.exDate) ?? { price: ONE, volume: ONE };
    byDate.set(action.exDate, {
      price: own.price
        .times(withSplits ? action.splitFactor : ONE)
        .times(withDividends ? action.dividendFactor : ONE),
      volume: own.volume.times(withSplits ? action.volumeFactor : ONE),
    });
  }
  const steps: AdjustmentStep[] = [];
  let price: Decimal = ONE;
  let volume: Decimal = ONE;
  for (const before of [...byDate.keys()].sort().reverse()) {
    const own = byDate.get(before) as BarFactors;
    price = rounded(price.times(own.price));
    volume = volume.times(own.volume);
    steps.push({ before, price, volume });
  }
  // After the last step the factor is 1, so steps of 1 at the end change nothing. One of 1 before
  // another (a split undone by a reverse split) does: the bars before it are as traded.
  steps.reverse();
  while (steps.length > 0 && isUnit(steps[steps.length - 1])) steps.pop();
  return steps;
}

const isUnit = (factors: BarFactors) => factors.price.eq(1) && factors.volume.eq(1);

/** The factors for a bar dated `date`. */
export function factorsOn(schedule: readonly AdjustmentStep[], date: IsoDate): BarFactors {
  const step = schedule.find((candidate) => date < candidate.before);
  return step ?? { price: ONE, volume: ONE };
}
