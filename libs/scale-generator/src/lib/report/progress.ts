/** What a long phase reports while it runs (the CLI draws a progress bar from it). */
export interface PhaseProgress {
  start(phase: string, total: number, done: number): void;
  advance(rows: number): void;
  /** A line about work running beside the phase (a month compressed), printed above the bar. */
  note(message: string): void;
  stop(): void;
}

export const SILENT_PROGRESS: PhaseProgress = {
  start: () => undefined,
  advance: () => undefined,
  note: () => undefined,
  stop: () => undefined,
};

/** One phase's result, for the closing summary. */
export interface PhaseSummary {
  phase: string;
  rows: number;
  seconds: number;
  /** pg_total_relation_size of the phase's table, when it has one. */
  tableBytes?: number;
  note?: string;
  /** Seconds of the phase's parts (the tick phase: load, tail, compress, refresh), for benchmarks. */
  parts?: Readonly<Record<string, number>>;
}

export function formatPhaseSummary(summaries: readonly PhaseSummary[]): string {
  const header = `${'phase'.padEnd(20)}${'rows'.padStart(16)}${'seconds'.padStart(10)}${'rows/s'.padStart(14)}${'table size'.padStart(14)}`;
  const lines = summaries.map((s) => {
    const rate = s.seconds > 0 ? Math.round(s.rows / s.seconds).toLocaleString('en-US') : '-';
    const size =
      s.tableBytes === undefined
        ? '-'
        : s.tableBytes < 1024 * 1024
          ? `${Math.round(s.tableBytes / 1024)} kB`
          : `${(s.tableBytes / 1024 / 1024).toFixed(1)} MB`;
    return `${s.phase.padEnd(20)}${s.rows.toLocaleString('en-US').padStart(16)}${s.seconds.toFixed(1).padStart(10)}${rate.padStart(14)}${size.padStart(14)}${s.note ? `  ${s.note}` : ''}`;
  });
  return [header, ...lines].join('\n');
}
