import { PositionAttribution, toCents } from '../index';

/** A result as cent strings, so a known-answer test reads like the hand-computed table. */
export function attributionInCents(
  attribution: PositionAttribution,
): Record<keyof PositionAttribution, string> {
  return {
    mvStart: toCents(attribution.mvStart),
    mvEnd: toCents(attribution.mvEnd),
    priceEffect: toCents(attribution.priceEffect),
    qtyEffect: toCents(attribution.qtyEffect),
    fxEffect: toCents(attribution.fxEffect),
    corpActionEffect: toCents(attribution.corpActionEffect),
    totalPnl: toCents(attribution.totalPnl),
  };
}
