import Decimal from 'decimal.js';

/**
 * Average-cost book value after one trade: a trade that adds to the position (or opens it) adds
 * its cost, unit cost x quantity; one that reduces it takes out the same share of the book value.
 * A trade that goes through zero (long to short, or back) closes the whole position, book value
 * and all, and opens the rest on the other side at the trade's unit cost. A short position's book
 * value is negative (the proceeds of the sale). The arithmetic keeps the Decimal configuration of
 * `cost` and `unitCost`.
 */
export function rollAverageCost(
  cost: Decimal,
  quantityBefore: number,
  signedQuantity: number,
  unitCost: Decimal,
): Decimal {
  if (Math.sign(signedQuantity) === Math.sign(quantityBefore) || quantityBefore === 0) {
    return cost.plus(unitCost.times(signedQuantity));
  }
  const quantityAfter = quantityBefore + signedQuantity;
  if (Math.sign(quantityAfter) === -Math.sign(quantityBefore)) {
    return unitCost.times(quantityAfter);
  }
  return cost.minus(cost.times(Math.abs(signedQuantity)).dividedBy(Math.abs(quantityBefore)));
}
