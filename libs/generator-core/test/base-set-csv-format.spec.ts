import { parse } from 'csv-parse/sync';
import { CORE_TABLE_NAMES, CORE_TABLES } from '@securities/database';
import { tableToCsv } from '../src/lib/csv/write-csv-tables';
import { baseSetView } from './support/base-set-view';

/** The pattern a value of the SQL type must match as text, in the form PostgreSQL's COPY reads. */
function valuePattern(type: string): RegExp {
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(type);
  if (numeric) {
    const [precision, scale] = [Number(numeric[1]), Number(numeric[2])];
    const whole = precision - scale;
    return new RegExp(`^-?\\d{1,${whole}}(\\.\\d{1,${scale}})?$`);
  }
  if (type === 'integer' || type === 'bigint') return /^-?\d+$/;
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/;
  const length = Number(/\((\d+)\)/.exec(type)?.[1]);
  return type.startsWith('char') ? new RegExp(`^.{${length}}$`) : new RegExp(`^.{1,${length}}$`);
}

describe('base set: CSV format', () => {
  const { tables } = baseSetView(7);
  const texts = Object.fromEntries(
    CORE_TABLE_NAMES.map((table) => [table, tableToCsv(table, tables[table])]),
  );

  // The description's columns are checked against the migrated catalogue in libs/database.
  it.each(CORE_TABLE_NAMES)('heads %s.csv with the schema’s columns, in its order', (table) => {
    const header = texts[table].split('\n')[0];
    expect(header).toBe(CORE_TABLES[table].map((column) => column.name).join(','));
  });

  it.each(CORE_TABLE_NAMES)('writes %s.csv with \\n line endings and a final newline', (table) => {
    expect(texts[table]).not.toContain('\r');
    expect(texts[table].endsWith('\n')).toBe(true);
    expect(texts[table].split('\n')).toHaveLength(tables[table].length + 2);
  });

  it.each(CORE_TABLE_NAMES)(
    'gives %s values the column types accept, empty only where NULL is allowed',
    (table) => {
      const columns = CORE_TABLES[table];
      const records: string[][] = parse(texts[table], { from_line: 2 });
      for (const record of records) {
        columns.forEach((column, i) => {
          const value = record[i];
          if (value === '') {
            expect({ table, column: column.name, nullable: column.nullable }).toEqual({
              table,
              column: column.name,
              nullable: true,
            });
          } else {
            if (!valuePattern(column.type).test(value)) {
              throw new Error(`${table}.${column.name} (${column.type}) cannot hold "${value}"`);
            }
          }
        });
      }
    },
  );

  it('never writes exponents or binary-float artefacts in a decimal', () => {
    for (const table of CORE_TABLE_NAMES) {
      const decimals = CORE_TABLES[table]
        .filter((column) => column.type.startsWith('numeric'))
        .map((column) => column.name);
      for (const row of tables[table]) {
        for (const column of decimals) {
          const value = row[column];
          if (value === null) continue;
          expect(value).not.toMatch(/[eE]/);
          expect(value).not.toMatch(/(0000000\d|9999999\d)$/);
        }
      }
    }
  });

  it('quotes only what RFC 4180 needs quoted, and reads back to the same values', () => {
    const issuers = texts.issuer;
    expect(issuers).toMatch(/^ISS-\d{3},"[^"]+, Inc\.",US,/m);
    for (const table of CORE_TABLE_NAMES) {
      const records: string[][] = parse(texts[table], { from_line: 2 });
      const names = CORE_TABLES[table].map((column) => column.name);
      expect(records).toEqual(tables[table].map((row) => names.map((name) => row[name] ?? '')));
    }
    expect(texts.holdings_period_1).not.toContain('"');
  });

  it('writes dates as real calendar dates', () => {
    for (const table of CORE_TABLE_NAMES) {
      const dates = CORE_TABLES[table]
        .filter((column) => column.type === 'date')
        .map((column) => column.name);
      for (const row of tables[table]) {
        for (const column of dates) {
          const value = row[column];
          if (value !== null)
            expect(new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(value);
        }
      }
    }
  });
});
