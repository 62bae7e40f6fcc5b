import { LoadSummary } from '../load-csv-directory.types';
import { formatLoadProgress, formatLoadSummary } from './load-report';

const summary = (overrides: Partial<LoadSummary>): LoadSummary => ({
  dir: '/data/generated',
  dryRun: false,
  committed: true,
  migrationsApplied: [],
  tables: [
    { table: 'issuer', file: 'issuer.csv', rows: 71, validateMs: 3, copyMs: 4 },
    { table: 'transactions', file: 'transactions.csv', rows: 1234, validateMs: 12, copyMs: 20 },
  ],
  totalRows: 1305,
  clearedScaleTables: [],
  warnings: [],
  elapsedMs: 900,
  ...overrides,
});

describe('load report', () => {
  it('prints one line per step', () => {
    expect(
      formatLoadProgress({
        kind: 'validated',
        table: 't',
        file: 'transactions.csv',
        rows: 1234,
        elapsedMs: 12,
      }),
    ).toBe('  valid   transactions.csv             1,234 rows     12 ms');
    expect(formatLoadProgress({ kind: 'loaded', table: 'issuer', rows: 71, elapsedMs: 4 })).toBe(
      '  copied  issuer                          71 rows      4 ms',
    );
    expect(formatLoadProgress({ kind: 'migrated', migrations: ['A1', 'B2'] })).toBe(
      'Applied 2 migration(s): A1, B2',
    );
    expect(formatLoadProgress({ kind: 'warning', message: 'Emptied tick_data: ...' })).toBe(
      'Warning: Emptied tick_data: ...',
    );
  });

  it('ends with rows per table, the total, the time and whether anything was written', () => {
    expect(formatLoadSummary(summary({})).split('\n')).toEqual([
      'table                     rows  validate      copy',
      'issuer                      71      3 ms      4 ms',
      'transactions             1,234     12 ms     20 ms',
      'Loaded 1,305 rows into 2 tables from /data/generated in 0.9 s (one transaction, committed).',
    ]);
    const dryRun = formatLoadSummary(
      summary({ dryRun: true, committed: false, warnings: ['Would empty tick_data: ...'] }),
    ).split('\n');
    expect(dryRun.slice(-2)).toEqual([
      'Dry run: 1,305 rows in 2 tables from /data/generated are valid and would load; nothing was written (rolled back, 0.9 s).',
      'Warning: Would empty tick_data: ...',
    ]);
  });
});
