import { LoadProgress, LoadSummary } from '../load-csv-directory.types';

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line per step, for a terminal or a log. */
export function formatLoadProgress(event: LoadProgress): string {
  switch (event.kind) {
    case 'migrated':
      return `Applied ${event.migrations.length} migration(s): ${event.migrations.join(', ')}`;
    case 'validated':
      return `  valid   ${event.file.padEnd(24)} ${count(event.rows).padStart(9)} rows ${String(event.elapsedMs).padStart(6)} ms`;
    case 'loaded':
      return `  copied  ${event.table.padEnd(24)} ${count(event.rows).padStart(9)} rows ${String(event.elapsedMs).padStart(6)} ms`;
    case 'warning':
      return `Warning: ${event.message}`;
  }
}

/** The closing report: rows per table and in total, time, and whether anything was written. */
export function formatLoadSummary(summary: LoadSummary): string {
  const lines = [
    `${'table'.padEnd(20)} ${'rows'.padStart(9)} ${'validate'.padStart(9)} ${'copy'.padStart(9)}`,
    ...summary.tables.map(
      (t) =>
        `${t.table.padEnd(20)} ${count(t.rows).padStart(9)} ${`${t.validateMs} ms`.padStart(9)} ${`${t.copyMs} ms`.padStart(9)}`,
    ),
  ];
  const rows = `${count(summary.totalRows)} rows`;
  const tables = `${summary.tables.length} tables`;
  const time = seconds(summary.elapsedMs);
  lines.push(
    summary.committed
      ? `Loaded ${rows} into ${tables} from ${summary.dir} in ${time} (one transaction, committed).`
      : `Dry run: ${rows} in ${tables} from ${summary.dir} are valid and would load; nothing was written (rolled back, ${time}).`,
  );
  lines.push(...summary.warnings.map((warning) => `Warning: ${warning}`));
  return lines.join('\n');
}
