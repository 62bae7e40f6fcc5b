import {
  attributePosition,
  CorporateAction,
  corporateActionOf,
  DecimalInput,
  PositionAttribution,
  PositionSnapshot,
} from '@securities/variance';
import { priceFactorOf } from '@securities/vocabulary';

/** A position held on either date of a period, with its quantity, close and FX on both dates. */
export interface PeriodPosition {
  portfolioId: string;
  securityId: string;
  securityType: string;
  /** Quantity 0 when not held on that date; price and FX are the security's all the same. */
  start: PositionSnapshot;
  end: PositionSnapshot;
}

/** A corporate_actions row with ex-date in (from, to]. */
export interface PeriodCorporateAction {
  securityId: string;
  type: CorporateAction['type'];
  ratio: DecimalInput | null;
  amount: DecimalInput | null;
}

export interface PeriodInputs<P extends PeriodPosition = PeriodPosition> {
  positions: readonly P[];
  actions: readonly PeriodCorporateAction[];
}

export interface AttributedPosition<P extends PeriodPosition = PeriodPosition> {
  position: P;
  attribution: PositionAttribution;
}

/**
 * Every position of a period attributed by the variance library (SPEC section 4), each with the
 * corporate actions of its own security in the period and its type's price factor. The one rule
 * behind variance_summary, variance_quarterly and the API's attribution between any two dates.
 */
export function attributePeriod<P extends PeriodPosition>(
  inputs: PeriodInputs<P>,
): AttributedPosition<P>[] {
  const actionsBySecurity = new Map<string, CorporateAction[]>();
  for (const action of inputs.actions) {
    const actions = actionsBySecurity.get(action.securityId) ?? [];
    actions.push(corporateActionOf(action.type, action.ratio, action.amount));
    actionsBySecurity.set(action.securityId, actions);
  }
  return inputs.positions.map((position) => ({
    position,
    attribution: attributePosition({
      start: position.start,
      end: position.end,
      priceFactor: priceFactorOf(position.securityType),
      corporateActions: actionsBySecurity.get(position.securityId) ?? [],
    }),
  }));
}
