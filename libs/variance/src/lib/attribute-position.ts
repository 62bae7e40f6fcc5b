import { PositionAttribution, PositionAttributionInput } from './attribution.types';
import { roundToCents, ZERO } from './exact-decimal';
import { snapshotMarketValueUsd } from './market-value-usd';
import { readPositionInput } from './position-input';

/**
 * Splits one position's USD market-value change between t0 and t1 into price, quantity, FX and
 * corporate-action effects (formulas in the README). Every amount is in cents and, exactly,
 * mvEnd - mvStart = priceEffect + qtyEffect + fxEffect + corpActionEffect = totalPnl.
 */
export function attributePosition(input: PositionAttributionInput): PositionAttribution {
  const { start, end, priceFactor, splitRatio, distributionPerUnit, matured } =
    readPositionInput(input);
  const mvStart = snapshotMarketValueUsd(start, priceFactor);
  const mvEnd = snapshotMarketValueUsd(end, priceFactor);
  const totalPnl = mvEnd.minus(mvStart);

  if (matured) {
    // Redemption ends the position: the whole change is the corporate action's doing.
    return {
      mvStart,
      mvEnd,
      priceEffect: ZERO,
      qtyEffect: ZERO,
      fxEffect: ZERO,
      corpActionEffect: totalPnl,
      totalPnl,
    };
  }

  const startUsdPerPriceUnit = priceFactor.times(start.fxRate);
  // The split term (Q0a*P0a - Q0*P0) is zero by construction, a split being value-neutral; what
  // remains is the cash distributed, which leaves the position.
  const corpActionEffect = roundToCents(
    end.quantity.times(distributionPerUnit).times(startUsdPerPriceUnit).negated(),
  );
  // (Q1 - Q0a) * P0a * f * X0 with P0a = P0 / r, dividing last so the product before rounding is
  // exact whenever the true value is (a 3-for-1 split would otherwise make P0a inexact).
  const qtyEffect = roundToCents(
    end.quantity
      .minus(start.quantity.times(splitRatio))
      .times(start.price)
      .times(startUsdPerPriceUnit)
      .dividedBy(splitRatio),
  );
  const fxEffect = roundToCents(
    end.quantity.times(end.price).times(priceFactor).times(end.fxRate.minus(start.fxRate)),
  );
  // round2(Q1 * (P1 - P0a + D) * f * X0) plus the rounding residual of the row is, exactly, what the
  // other rounded effects leave of the total, so that is how it is computed.
  const priceEffect = totalPnl.minus(qtyEffect).minus(fxEffect).minus(corpActionEffect);

  return { mvStart, mvEnd, priceEffect, qtyEffect, fxEffect, corpActionEffect, totalPnl };
}
