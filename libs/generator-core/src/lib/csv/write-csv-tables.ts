import { stringify } from 'csv-stringify/sync';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CORE_TABLE_NAMES, columnNames, CoreTableName } from '@securities/database';
import { BaseSetTables, CsvRow } from '../base-set/base-set-tables';

export interface WrittenTable {
  table: CoreTableName;
  /** Absolute path of the CSV file. */
  file: string;
  rows: number;
}

/** The row's values in the table's column order; an empty string would read back as NULL, so it is refused. */
function valuesOf(table: CoreTableName, row: CsvRow, line: number): (string | null)[] {
  return columnNames(table).map((name) => {
    const value = row[name];
    if (value === undefined)
      throw new Error(`${table} row ${line} has no value for column ${name}`);
    if (value === '')
      throw new Error(`${table} row ${line}, column ${name}: an empty string would load as NULL`);
    return value;
  });
}

/** One table as RFC 4180 text: a header of the column names, '\n' line endings, empty field = NULL. */
export function tableToCsv(table: CoreTableName, rows: readonly CsvRow[]): string {
  return stringify(
    rows.map((row, i) => valuesOf(table, row, i + 1)),
    { header: true, columns: columnNames(table), record_delimiter: 'unix' },
  );
}

/**
 * Writes `<table>.csv` for every core table into `outDir` (created if missing), in load order. Each
 * file is written beside its final name and renamed into place, so a reader never sees half a file.
 */
export async function writeCsvTables(
  tables: BaseSetTables,
  outDir: string,
  onWritten?: (written: WrittenTable) => void,
): Promise<WrittenTable[]> {
  await mkdir(outDir, { recursive: true });
  const written: WrittenTable[] = [];
  for (const table of CORE_TABLE_NAMES) {
    const file = join(outDir, `${table}.csv`);
    await writeFile(`${file}.partial`, tableToCsv(table, tables[table]));
    await rename(`${file}.partial`, file);
    const result = { table, file, rows: tables[table].length };
    written.push(result);
    onWritten?.(result);
  }
  return written;
}
