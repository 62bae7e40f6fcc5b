import {
  CORE_TABLE_NAMES,
  describeRemovals,
  guardRemoval,
  nonEmptyTables,
  SCALE_TABLE_NAMES,
  TableRemoval,
  tickBarViews,
} from '@securities/database';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PoolClient } from 'pg';
import { QueryRunner } from 'typeorm';
import { bumpDataVersion, citusSequentialTransaction } from '@securities/database';
import { copyCsvTable } from './copy/copy-csv-table';
import { csvFileName } from './csv-file-name';
import { CsvLoadError } from './csv-load-error';
import { LoadCsvDirectoryOptions, LoadSummary, TableLoadSummary } from './load-csv-directory.types';
import { migrateInTransaction } from './schema/migrate-in-transaction';
import { readLoadSchema } from './schema/read-load-schema';
import { ReferencedKeys } from './validation/referenced-keys';
import { validateCsvTable } from './validation/validate-csv-table';

// Two loads at once would each truncate and copy; the second waits for the first to finish.
const LOAD_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('securities-platform:csv-load'))`;

const elapsedSince = (start: number) => Math.round(performance.now() - start);

/**
 * Loads the base set from `<dir>/<table>.csv` into the 13 core tables, replacing what they held,
 * in one transaction: migrate if needed, validate every file, empty the core tables and the scale
 * tables built on them, COPY every file in foreign-key order, commit (or roll back for a dry run).
 * Any problem throws (a CsvLoadError naming file, line and column for bad input) and leaves the
 * database exactly as it was.
 */
export async function loadCsvDirectory(options: LoadCsvDirectoryOptions): Promise<LoadSummary> {
  const started = performance.now();
  const dir = resolve(options.dir);
  const dryRun = options.dryRun ?? false;
  const warnings: string[] = [];
  const { signal } = options;
  const progress = options.onProgress ?? (() => undefined);
  const warn = (message: string) => {
    warnings.push(message);
    progress({ kind: 'warning', message });
  };
  checkFilesExist(dir);

  const queryRunner = options.dataSource.createQueryRunner();
  const client = (await queryRunner.connect()) as PoolClient;
  try {
    await queryRunner.startTransaction();
    await queryRunner.query(LOAD_LOCK_SQL);
    // The TRUNCATE below follows reads of the same tables.
    await citusSequentialTransaction(queryRunner);
    const migrationsApplied = await migrateInTransaction(queryRunner);
    if (migrationsApplied.length > 0) progress({ kind: 'migrated', migrations: migrationsApplied });

    const schema = await readLoadSchema(queryRunner, CORE_TABLE_NAMES);
    const referencedKeys = new ReferencedKeys(schema);
    const tables: TableLoadSummary[] = [];
    for (const table of schema.order) {
      signal?.throwIfAborted();
      const file = csvFileName(table);
      const validateStart = performance.now();
      const rows = await validateCsvTable(
        join(dir, file),
        schema.tables.get(table)!,
        referencedKeys,
      );
      const validateMs = elapsedSince(validateStart);
      progress({ kind: 'validated', table, file, rows, elapsedMs: validateMs });
      tables.push({ table, file, rows, validateMs, copyMs: 0 });
    }

    // The scale tables are built on the base set: they go with it.
    const scaleRows = await nonEmptyTables(queryRunner, SCALE_TABLE_NAMES, { count: false });
    const clearedScaleTables = scaleRows.map((removal) => removal.table);
    // Without --replace, what the load would remove is checked (and refused) before the commit.
    const coreBefore = options.replace ? undefined : await coreTableChecksums(queryRunner);
    // TimescaleDB's bar aggregates are emptied with their ticks, so they never show stale bars.
    const emptied = [
      ...CORE_TABLE_NAMES,
      ...SCALE_TABLE_NAMES,
      ...(await tickBarViews(queryRunner)),
    ]
      .map((t) => `"${t}"`)
      .join(', ');
    await queryRunner.query(`TRUNCATE TABLE ${emptied}`);

    for (const summary of tables) {
      signal?.throwIfAborted();
      const copyStart = performance.now();
      const copied = await copyCsvTable(
        client,
        join(dir, summary.file),
        schema.tables.get(summary.table)!,
        signal,
      );
      summary.copyMs = elapsedSince(copyStart);
      if (copied !== summary.rows) {
        throw new CsvLoadError(
          summary.file,
          undefined,
          undefined,
          `the file changed during the load: ${summary.rows} rows validated, ${copied} copied`,
        );
      }
      progress({ kind: 'loaded', table: summary.table, rows: copied, elapsedMs: summary.copyMs });
    }

    if (coreBefore) {
      const removals = [...(await replacedCoreRows(queryRunner, coreBefore)), ...scaleRows];
      if (!dryRun) guardRemoval(`Loading ${dir}`, removals, false, '--replace');
      else if (removals.length > 0) {
        warn(`a real load would remove ${describeRemovals(removals)}: it needs --replace`);
      }
    }
    if (clearedScaleTables.length > 0) {
      warn(
        `${dryRun ? 'Would empty' : 'Emptied'} ${clearedScaleTables.join(', ')}: the scale data is ` +
          'built on the base set being replaced; run the scale generator again',
      );
    }

    signal?.throwIfAborted();
    if (dryRun) await queryRunner.rollbackTransaction();
    else {
      // The API's ETags change with the data: at this commit, not before.
      await bumpDataVersion(queryRunner);
      await queryRunner.commitTransaction();
    }
    return {
      dir,
      dryRun,
      committed: !dryRun,
      migrationsApplied,
      tables,
      totalRows: tables.reduce((sum, table) => sum + table.rows, 0),
      clearedScaleTables,
      warnings,
      elapsedMs: elapsedSince(started),
    };
  } catch (error) {
    if (queryRunner.isTransactionActive) {
      await queryRunner.rollbackTransaction().catch(() => undefined);
    }
    throw error;
  } finally {
    await queryRunner.release();
  }
}

function checkFilesExist(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`CSV folder not found: ${dir} (write one with nx run generator:base)`);
  }
  const missing = CORE_TABLE_NAMES.map(csvFileName).filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    const others = missing.length > 1 ? ` (also missing: ${missing.slice(1).join(', ')})` : '';
    throw new CsvLoadError(
      missing[0] as string,
      undefined,
      undefined,
      `file not found in ${dir}${others}`,
    );
  }
}

interface TableChecksum {
  rows: number;
  md5: string | null;
}

/** Row count and a checksum of every row's text, per core table: what "unchanged" means. */
async function coreTableChecksums(queryRunner: QueryRunner): Promise<Map<string, TableChecksum>> {
  const checksums = new Map<string, TableChecksum>();
  for (const table of CORE_TABLE_NAMES) {
    const [row] = await queryRunner.query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${table}" t`,
    );
    checksums.set(table, { rows: row.rows, md5: row.md5 });
  }
  return checksums;
}

/**
 * Core rows the load replaced by something else: the tables that held rows and now hold other
 * ones. Loading the same files again replaces nothing.
 */
async function replacedCoreRows(
  queryRunner: QueryRunner,
  before: ReadonlyMap<string, TableChecksum>,
): Promise<TableRemoval[]> {
  const after = await coreTableChecksums(queryRunner);
  return [...before]
    .filter(([table, { rows, md5 }]) => rows > 0 && after.get(table)?.md5 !== md5)
    .map(([table, { rows }]) => ({ table, rows }));
}
