import { businessDaysBetween, IsoDate, parseIsoDate } from '@securities/market-sim';
import {
  BASE_PERIOD_POSITIONS,
  BASE_SECURITIES,
  HOLDING_PERIOD_DATES,
} from '@securities/vocabulary';
import { minimumBookSecurities } from '../holdings/book-lines';
import { layoutHoldings } from '../holdings/holdings-layout';

/** 20-second ticks from 09:30:00 to 15:59:40 exchange time. */
export const TICKS_PER_DAY = 1_170;
export const TICK_INTERVAL_SECONDS = 20;
export const SESSION_OPEN_SECONDS = 9 * 3_600 + 30 * 60;

/** The seed's scale set (section 2 of the seed document): what the `full` profile must produce. */
export const SEED_SCALE_COUNTS = {
  securities: 1_000,
  issuers: 209,
  tradingDays: 1_369,
  pricingHistory: 1_369_000,
  holdingsHistory: 1_040_440,
  holdingsPositions: 760,
  transactions: 786_091,
  varianceQuarterly: 29_400,
  varianceQuarters: 21,
  /** Positions per quarter in variance_quarterly (21 quarters x 1,400 = 29,400). */
  variancePositionsPerQuarter: 1_400,
  tickData: 1_600_268_670,
} as const;

/** The full universe's type mix (seed: 550 equity, 290 bonds, 90 derivatives, 45 structured, 25 other). */
export const FULL_TYPE_MIX = {
  equity: { types: ['EQUITY'], count: 550 },
  bond: { types: ['BOND'], count: 290 },
  derivative: { types: ['OPTION', 'FUTURE'], count: 90 },
  structured: { types: ['CLO', 'ABS'], count: 45 },
  other: { types: ['ETF', 'FUND'], count: 25 },
} as const;
export type TypeBucket = keyof typeof FULL_TYPE_MIX;

export type ScaleProfileName = 'tiny' | 'small' | 'medium' | 'full';

export interface ScaleProfile {
  name: ScaleProfileName;
  /** Size securities_master grows to (never shrinks below the loaded base set). */
  universe: number;
  /** Issuers the universe grows to. */
  issuers: number;
  /** How many securities get ticks and daily bars, spread evenly over the universe by id. */
  securities: number;
  from: IsoDate;
  to: IsoDate;
  seed: number;
  /** Holdings each day outside the period dates (the seed's 760 in the full profile). */
  positions: number;
  /** Positions each quarter of variance_quarterly aims at (the seed's 1,400). */
  quarterPositions: number;
}

const DEFAULT_SEED = 42;

/** Every profile in one place: tests and laptops scale the universe and the range down. */
export const SCALE_PROFILES: Readonly<Record<ScaleProfileName, ScaleProfile>> = {
  // Every security of a small universe over the base set's quarter: each table, a few seconds.
  tiny: {
    name: 'tiny',
    universe: 130,
    issuers: 75,
    securities: 130,
    from: '2024-12-31',
    to: '2025-03-31',
    seed: DEFAULT_SEED,
    positions: 200,
    quarterPositions: BASE_PERIOD_POSITIONS.either,
  },
  small: {
    name: 'small',
    universe: 1_000,
    issuers: 209,
    securities: 150,
    from: '2024-10-01',
    to: '2025-03-31',
    seed: DEFAULT_SEED,
    positions: 240,
    quarterPositions: 440,
  },
  medium: {
    name: 'medium',
    universe: 1_000,
    issuers: 209,
    securities: 160,
    from: '2024-01-01',
    to: '2025-03-31',
    seed: DEFAULT_SEED,
    positions: 240,
    quarterPositions: 440,
  },
  full: {
    name: 'full',
    universe: SEED_SCALE_COUNTS.securities,
    issuers: SEED_SCALE_COUNTS.issuers,
    securities: SEED_SCALE_COUNTS.securities,
    from: '2020-01-01',
    to: '2025-03-31',
    seed: DEFAULT_SEED,
    positions: SEED_SCALE_COUNTS.holdingsPositions,
    quarterPositions: SEED_SCALE_COUNTS.variancePositionsPerQuarter,
  },
};

/** The days the platform's data covers (the seed's scale range): every run lies inside it. */
export const SCALE_DATA_RANGE = { from: '2020-01-01', to: '2025-03-31' } as const;

/** Securities ids are SEC-0001..SEC-9999. */
const MAX_UNIVERSE = 9_999;

export const SCALE_PROFILE_NAMES = Object.keys(SCALE_PROFILES) as ScaleProfileName[];

export interface ScaleOverrides {
  securities?: number;
  from?: IsoDate;
  to?: IsoDate;
  seed?: number;
}

/** Raised for a profile or override that cannot be run; the message names the option. */
export class ScaleProfileError extends Error {
  override name = 'ScaleProfileError';
}

export function resolveScaleProfile(name: string, overrides: ScaleOverrides = {}): ScaleProfile {
  if (!(SCALE_PROFILE_NAMES as string[]).includes(name)) {
    throw new ScaleProfileError(
      `--profile: unknown profile "${name}" (expected one of ${SCALE_PROFILE_NAMES.join(', ')})`,
    );
  }
  const base = SCALE_PROFILES[name as ScaleProfileName];
  const profile: ScaleProfile = {
    ...base,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
  for (const option of ['from', 'to'] as const) {
    try {
      parseIsoDate(profile[option]);
    } catch {
      throw new ScaleProfileError(`--${option}: not a date YYYY-MM-DD (got "${profile[option]}")`);
    }
    if (profile[option] < SCALE_DATA_RANGE.from || profile[option] > SCALE_DATA_RANGE.to) {
      throw new ScaleProfileError(
        `--${option}: must lie in ${SCALE_DATA_RANGE.from} .. ${SCALE_DATA_RANGE.to}, the days the platform's data covers (got ${profile[option]})`,
      );
    }
  }
  if (profile.from > profile.to) {
    throw new ScaleProfileError(
      `--to: must not be before --from (got ${profile.from} .. ${profile.to})`,
    );
  }
  const days = tradingDays(profile);
  if (days.length === 0) {
    throw new ScaleProfileError(
      `--from/--to: ${profile.from} .. ${profile.to} holds no weekday: give a range with at least one trading day`,
    );
  }
  if (!Number.isInteger(profile.securities) || profile.securities < 1) {
    throw new ScaleProfileError(
      `--securities: must be a positive integer (got ${profile.securities})`,
    );
  }
  if (profile.securities < BASE_SECURITIES) {
    throw new ScaleProfileError(
      `--securities: at least ${BASE_SECURITIES} (got ${profile.securities}): the portfolios hold the base set's ${BASE_SECURITIES} securities, and each needs its daily bars`,
    );
  }
  if (profile.securities > MAX_UNIVERSE) {
    throw new ScaleProfileError(
      `--securities: at most ${MAX_UNIVERSE} (got ${profile.securities}): ids are SEC-0001..SEC-9999`,
    );
  }
  const [period1, period2] = [HOLDING_PERIOD_DATES[1], HOLDING_PERIOD_DATES[2]];
  if (profile.from > period1 && profile.from <= period2 && profile.to >= period2) {
    // Which base positions are held on such a first day depends on the seed: no exact plan.
    throw new ScaleProfileError(
      `--from: a range ending on or after ${period2} must start on or before ${period1} or after ${period2} (got ${profile.from})`,
    );
  }
  const needed = minimumBookSecurities(layoutHoldings(days, profile));
  if (profile.securities < needed) {
    throw new ScaleProfileError(
      `--securities: at least ${needed} for the ${profile.name} profile over ${profile.from} .. ${profile.to} (got ${profile.securities}): its ${profile.positions} holdings a day need that many securities to trade`,
    );
  }
  profile.universe = Math.max(profile.universe, profile.securities);
  return profile;
}

export function tradingDays(profile: Pick<ScaleProfile, 'from' | 'to'>): IsoDate[] {
  return businessDaysBetween(profile.from, profile.to);
}
