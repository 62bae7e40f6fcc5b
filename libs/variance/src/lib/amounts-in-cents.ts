import { PositionAttribution } from './attribution.types';
import { toCents } from './to-cents';

/** The amount columns of variance_summary and variance_quarterly, in the tables' order. */
export const VARIANCE_AMOUNT_COLUMNS = [
  'mv_start',
  'mv_end',
  'price_effect',
  'qty_effect',
  'fx_effect',
  'corp_action_effect',
  'total_pnl',
] as const;
export type VarianceAmountColumn = (typeof VARIANCE_AMOUNT_COLUMNS)[number];

/** An attribution as the variance tables store it: each amount under its column, as cents text. */
export function amountsInCents(
  attribution: PositionAttribution,
): Record<VarianceAmountColumn, string> {
  return {
    mv_start: toCents(attribution.mvStart),
    mv_end: toCents(attribution.mvEnd),
    price_effect: toCents(attribution.priceEffect),
    qty_effect: toCents(attribution.qtyEffect),
    fx_effect: toCents(attribution.fxEffect),
    corp_action_effect: toCents(attribution.corpActionEffect),
    total_pnl: toCents(attribution.totalPnl),
  };
}
