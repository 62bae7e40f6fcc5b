import Decimal from 'decimal.js';
import { ExactDecimal } from './exact-decimal';

/** Places of a stored weight (numeric(12,10)). */
const WEIGHT_PLACES = 10;

/**
 * Weights of a portfolio's holdings on one date, to the column's 10 places, summing to exactly 1:
 * each weight is rounded, and what rounding leaves over goes to the largest holding (the first of
 * equals, in the order given). The rule's source: the base set's holdings use it, and the scale
 * set's SQL (holdings-phase.ts) is checked against it on the tiny dataset.
 */
export function weightsSummingToOne(marketValues: readonly Decimal[]): Decimal[] {
  const total = marketValues.reduce((sum, value) => sum.plus(value), new ExactDecimal(0));
  const weights = marketValues.map((value) =>
    new ExactDecimal(value).dividedBy(total).toDecimalPlaces(WEIGHT_PLACES),
  );
  const residual = new ExactDecimal(1).minus(
    weights.reduce((sum, weight) => sum.plus(weight), new ExactDecimal(0)),
  );
  const largest = marketValues.reduce(
    (best, value, i) => (value.gt(marketValues[best]) ? i : best),
    0,
  );
  weights[largest] = weights[largest].plus(residual);
  return weights;
}
