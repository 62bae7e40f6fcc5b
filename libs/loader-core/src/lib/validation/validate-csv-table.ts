import { CsvLoadError } from '../csv-load-error';
import { csvFileName } from '../csv-file-name';
import { readCsvTable } from '../csv/read-csv-table';
import { TableSchema } from '../schema/load-schema.types';
import { columnValidator, keyForm } from './column-validator';
import { quoteValue } from './field-validators';
import { joinKey, ReferencedKeys } from './referenced-keys';

function describeKey(columns: readonly string[], values: readonly string[]): string {
  return columns.length === 1
    ? quoteValue(values[0] as string)
    : `(${columns.join(', ')}) = (${values.map(quoteValue).join(', ')})`;
}

/**
 * Checks every field of one CSV file against its table (types, NOT NULL, listed values), its
 * unique keys within the file, and its foreign keys against the files already validated.
 * Returns the number of data rows; the first problem throws a CsvLoadError.
 */
export async function validateCsvTable(
  path: string,
  table: TableSchema,
  referencedKeys: ReferencedKeys,
): Promise<number> {
  const file = csvFileName(table.name);
  const names = table.columns.map((column) => column.name);
  const validators = table.columns.map(columnValidator);
  const position = (name: string) => names.indexOf(name);
  const uniqueKeys = table.uniqueKeys.map((key) => ({
    ...key,
    indexes: key.columns.map(position),
    firstLines: new Map<string, number>(),
  }));
  const foreignKeys = table.foreignKeys.map((fk) => ({ ...fk, indexes: fk.columns.map(position) }));
  const collected = referencedKeys
    .keysToCollect(table.name)
    .map((columns) => ({ columns, indexes: columns.map(position) }));

  const keyOf = (values: (string | null)[], indexes: number[]): string | undefined => {
    const parts: string[] = [];
    for (const index of indexes) {
      const value = values[index];
      if (value === null || value === undefined) return undefined; // NULLs never clash or dangle
      parts.push(keyForm(table.columns[index], value));
    }
    return joinKey(parts);
  };

  let rows = 0;
  for await (const { line, values } of readCsvTable(path, file, names)) {
    values.forEach((value, index) => {
      const problem = validators[index](value);
      if (problem !== undefined) throw new CsvLoadError(file, line, names[index], problem);
    });
    for (const key of uniqueKeys) {
      const id = keyOf(values, key.indexes);
      if (id === undefined) continue;
      const firstLine = key.firstLines.get(id);
      if (firstLine !== undefined) {
        const shown = describeKey(
          key.columns,
          key.indexes.map((i) => values[i] as string),
        );
        throw new CsvLoadError(
          file,
          line,
          key.columns[0],
          `duplicate ${shown}: line ${firstLine} has the same ${key.columns.join(', ')} (unique key ${key.name})`,
        );
      }
      key.firstLines.set(id, line);
    }
    for (const fk of foreignKeys) {
      const id = keyOf(values, fk.indexes);
      if (id === undefined) continue;
      if (referencedKeys.has(fk.referencedTable, fk.referencedColumns, id) === false) {
        const shown = describeKey(
          fk.columns,
          fk.indexes.map((i) => values[i] as string),
        );
        throw new CsvLoadError(
          file,
          line,
          fk.columns[0],
          `${shown} is not a ${fk.referencedColumns.join(', ')} in ${csvFileName(fk.referencedTable)} (foreign key ${fk.name})`,
        );
      }
    }
    for (const key of collected) {
      const id = keyOf(values, key.indexes);
      if (id !== undefined) referencedKeys.add(table.name, key.columns, id);
    }
    rows += 1;
  }
  return rows;
}
