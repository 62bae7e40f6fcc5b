import { ScaleProfile, SEED_SCALE_COUNTS, TICKS_PER_DAY, tradingDays } from './scale-profiles';

export type ScalePhaseName =
  | 'universe'
  | 'ticks'
  | 'pricing_history'
  | 'holdings_history'
  | 'transactions'
  | 'variance_quarterly';

export interface PlannedPhase {
  phase: ScalePhaseName;
  /** Rows the phase produces for the profile. */
  rows: number;
  /** False for phases this generator does not write yet: they are planned, never faked. */
  implemented: boolean;
}

export interface ScalePlan {
  profile: ScaleProfile;
  tradingDays: number;
  phases: PlannedPhase[];
}

/** Quarters (calendar) whose end lies in the range: 2020Q1..2025Q1 for the full profile. */
function quartersEndingIn(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  const firstQuarter = fromYear * 4 + Math.floor((fromMonth - 1) / 3);
  const lastQuarter = toYear * 4 + Math.floor((toMonth - 1) / 3);
  const lastComplete =
    to.endsWith('-03-31') || to.endsWith('-06-30') || to.endsWith('-09-30') || to.endsWith('-12-31')
      ? lastQuarter
      : lastQuarter - 1;
  return Math.max(0, lastComplete - firstQuarter + 1);
}

/** What a run of the profile writes, phase by phase, computed without touching a database. */
export function planScale(profile: ScaleProfile): ScalePlan {
  const days = tradingDays(profile).length;
  const share = profile.securities / SEED_SCALE_COUNTS.securities;
  const dayShare = days / SEED_SCALE_COUNTS.tradingDays;
  const positions = Math.round(SEED_SCALE_COUNTS.holdingsPositions * share);
  const quarterPositions = Math.round(SEED_SCALE_COUNTS.variancePositionsPerQuarter * share);
  return {
    profile,
    tradingDays: days,
    phases: [
      { phase: 'universe', rows: profile.universe, implemented: true },
      { phase: 'ticks', rows: profile.securities * days * TICKS_PER_DAY, implemented: true },
      { phase: 'pricing_history', rows: profile.securities * days, implemented: true },
      { phase: 'holdings_history', rows: positions * days, implemented: false },
      {
        phase: 'transactions',
        rows: Math.round(SEED_SCALE_COUNTS.transactions * share * dayShare),
        implemented: false,
      },
      {
        phase: 'variance_quarterly',
        rows: quartersEndingIn(profile.from, profile.to) * quarterPositions,
        implemented: false,
      },
    ],
  };
}
