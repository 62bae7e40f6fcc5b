import Decimal from 'decimal.js';
import { DecimalInput, readDecimal, readPositiveDecimal } from './decimal-input';
import { roundToCents } from './exact-decimal';

/** A snapshot already parsed and validated. */
export interface ExactSnapshot {
  quantity: Decimal;
  price: Decimal;
  fxRate: Decimal;
}

/** round2(Q * P * f * X) for parsed values; attribution and `marketValueUsd` both go through here. */
export function snapshotMarketValueUsd(snapshot: ExactSnapshot, priceFactor: Decimal): Decimal {
  return roundToCents(
    snapshot.quantity.times(snapshot.price).times(priceFactor).times(snapshot.fxRate),
  );
}

/**
 * USD market value of a holding, rounded to cents: quantity x price x price factor x FX.
 * The one place market value is computed, so holdings and variance rows always agree.
 */
export function marketValueUsd(
  quantity: DecimalInput,
  price: DecimalInput,
  priceFactor: DecimalInput,
  fxRate: DecimalInput,
): Decimal {
  return snapshotMarketValueUsd(
    {
      quantity: readDecimal(quantity, 'quantity'),
      price: readPositiveDecimal(price, 'price'),
      fxRate: readPositiveDecimal(fxRate, 'fxRate'),
    },
    readPositiveDecimal(priceFactor, 'priceFactor'),
  );
}
