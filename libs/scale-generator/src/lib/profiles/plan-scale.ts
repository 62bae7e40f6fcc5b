import { layoutHoldings } from '../holdings/holdings-layout';
import { plannedTransactions } from '../holdings/trade-targets';
import { ScaleProfile, TICKS_PER_DAY, tradingDays } from './scale-profiles';

export type ScalePhaseName =
  | 'universe'
  | 'ticks'
  | 'pricing_history'
  | 'holdings_history'
  | 'transactions'
  | 'variance_quarterly';

export interface PlannedPhase {
  phase: ScalePhaseName;
  /** Rows the phase produces for the profile (transactions: beside the base set's own). */
  rows: number;
}

export interface ScalePlan {
  profile: ScaleProfile;
  tradingDays: number;
  phases: PlannedPhase[];
}

/** What a run of the profile writes, phase by phase, computed without touching a database. */
export function planScale(profile: ScaleProfile): ScalePlan {
  const days = tradingDays(profile);
  const layout = layoutHoldings(days, profile);
  return {
    profile,
    tradingDays: days.length,
    phases: [
      { phase: 'universe', rows: profile.universe },
      { phase: 'ticks', rows: profile.securities * days.length * TICKS_PER_DAY },
      { phase: 'pricing_history', rows: profile.securities * days.length },
      { phase: 'holdings_history', rows: layout.holdingRows },
      { phase: 'transactions', rows: plannedTransactions(layout) },
      { phase: 'variance_quarterly', rows: layout.varianceRows },
    ],
  };
}
