import { NUMERIC } from '@securities/database';
import {
  attributePosition,
  CorporateAction,
  corporateActionOf,
  PositionAttribution,
} from '@securities/variance';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { fxRateText, priceText, quantityText, decimalText } from '../formats';
import { CorporateActionEvent, Market } from '../market/market-model';
import { Position } from '../portfolios/position-model';

export interface PositionVariance {
  position: Position;
  attribution: PositionAttribution;
}

function libraryAction(event: CorporateActionEvent): CorporateAction {
  return corporateActionOf(
    event.type,
    event.ratio === null ? null : decimalText(event.ratio, NUMERIC.ratio.scale),
    event.amount === null ? null : decimalText(event.amount, NUMERIC.price.scale),
  );
}

/**
 * Each position's change in USD value from period 1 to period 2, split into price, quantity, FX
 * and corporate-action effects by the variance library, from exactly the quantities, closes, FX
 * rates and corporate actions the CSVs hold.
 */
export function attributePositions(
  positions: readonly Position[],
  market: Market,
): PositionVariance[] {
  const inPeriod = market.corporateActions.filter(
    (action) => action.exDate > PERIOD_1 && action.exDate <= PERIOD_2,
  );
  return positions.map((position) => {
    const { security } = position;
    const snapshot = (quantity: number, date: string) => ({
      quantity: quantityText(quantity),
      price: priceText(security, market.close(security.securityId, date)),
      fxRate: fxRateText(market.fxRate(security.currency, date)),
    });
    const attribution = attributePosition({
      start: snapshot(position.quantity1, PERIOD_1),
      end: snapshot(position.quantity2, PERIOD_2),
      priceFactor: security.priceFactor,
      corporateActions: inPeriod
        .filter((action) => action.securityId === security.securityId)
        .map(libraryAction),
    });
    return { position, attribution };
  });
}
