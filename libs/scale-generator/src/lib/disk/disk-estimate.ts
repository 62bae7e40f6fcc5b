import { TickStorage } from '@securities/database';
import { ScalePlan } from '../profiles/plan-scale';
import { TICKS_PER_DAY } from '../profiles/scale-profiles';

/**
 * Bytes a row takes on disk, table and indexes, measured on the medium profile (README,
 * "TimescaleDB": how and when). The estimates scale them by the plan's rows.
 */
export const MEASURED_BYTES_PER_ROW = {
  /** Plain partitions: heap and the partition's share of idx_td_sec (fillfactor 100). */
  tickPartitioned: 130.1,
  /** The part of it that is idx_td_sec, sorted while the next month loads. */
  tickIndex: 36.7,
  /**
   * TimescaleDB compressed chunk (written compressed by the load: direct compress of COPY):
   * batches, their index and TOAST.
   */
  tickCompressed: 20.0,
  /** A tick_bars_1h row (materialized hypertable and its index). */
  hourlyBar: 200,
  pricingHistory: 180,
  holdingsHistory: 170,
  transaction: 215,
  varianceQuarterly: 485,
} as const;

/** Hourly buckets a session touches: 09:00 .. 15:00. */
const HOURLY_BARS_PER_DAY = 7;
/** The most trading days a calendar month holds. */
const DAYS_PER_MONTH = 23;

export interface DiskEstimate {
  storage: TickStorage;
  /** What the run's tables hold when it is done. */
  finalBytes: number;
  /** The most they hold at any moment of the run (WAL not included). */
  peakBytes: number;
}

/**
 * The disk a run of the plan needs on each path. Plain partitions: the tables, plus one month's
 * index being sorted to temporary files while the next month loads. TimescaleDB: the compressed
 * ticks and the hourly bars; the load writes ticks compressed, so the end is the peak.
 */
export function estimateDisk(plan: ScalePlan): Record<TickStorage, DiskEstimate> {
  const rows = Object.fromEntries(plan.phases.map((phase) => [phase.phase, phase.rows]));
  const bytes = MEASURED_BYTES_PER_ROW;
  const others =
    rows.pricing_history * bytes.pricingHistory +
    rows.holdings_history * bytes.holdingsHistory +
    rows.transactions * bytes.transaction +
    rows.variance_quarterly * bytes.varianceQuarterly;
  const monthTicks =
    plan.profile.securities * Math.min(DAYS_PER_MONTH, plan.tradingDays) * TICKS_PER_DAY;
  const partitionsFinal = rows.ticks * bytes.tickPartitioned + others;
  const timescaleFinal =
    rows.ticks * bytes.tickCompressed +
    rows.pricing_history * HOURLY_BARS_PER_DAY * bytes.hourlyBar +
    others;
  return {
    partitions: {
      storage: 'partitions',
      finalBytes: partitionsFinal,
      peakBytes: partitionsFinal + monthTicks * bytes.tickIndex,
    },
    timescaledb: {
      storage: 'timescaledb',
      finalBytes: timescaleFinal,
      peakBytes: timescaleFinal,
    },
  };
}

/** 1234567890 -> '1.1 GB' */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
