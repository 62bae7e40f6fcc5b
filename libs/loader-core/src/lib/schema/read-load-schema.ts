import { QueryRunner } from 'typeorm';
import { parseCheckInList } from './check-in-list';
import { orderByForeignKeys } from './foreign-key-order';
import {
  CheckConstraint,
  ColumnSchema,
  ForeignKey,
  LoadSchema,
  TableSchema,
  UniqueKey,
} from './load-schema.types';

const COLUMNS_SQL = `
  SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,
         numeric_scale, is_nullable = 'YES' AS nullable
    FROM information_schema.columns
   WHERE table_schema = current_schema() AND table_name = ANY($1)
   ORDER BY table_name, ordinal_position`;

// Column names of a constraint or index, in key order.
const keyColumns = (relation: string, keys: string) => `
  ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, position)
          JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.attnum
         ORDER BY k.position)`;

const CONSTRAINTS_SQL = `
  SELECT t.relname AS table_name, c.conname AS name, c.contype AS type,
         r.relname AS referenced_table, pg_get_constraintdef(c.oid) AS definition,
         ${keyColumns('c.conrelid', 'c.conkey')} AS columns,
         ${keyColumns('c.confrelid', 'c.confkey')} AS referenced_columns
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    LEFT JOIN pg_class r ON r.oid = c.confrelid
   WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
     AND c.contype IN ('f', 'c')
   ORDER BY t.relname, c.conname`;

// Primary keys, unique constraints and unique indexes alike (idx_sm_isin is only an index).
const UNIQUE_KEYS_SQL = `
  SELECT t.relname AS table_name, i.relname AS name,
         ${keyColumns('x.indrelid', 'x.indkey::int2[]')} AS columns
    FROM pg_index x
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_class i ON i.oid = x.indexrelid
   WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
     AND x.indisunique AND x.indexprs IS NULL AND x.indpred IS NULL
   ORDER BY t.relname, x.indisprimary DESC, i.relname`;

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  nullable: boolean;
}

interface ConstraintRow {
  table_name: string;
  name: string;
  type: 'f' | 'c';
  referenced_table: string | null;
  definition: string;
  columns: string[];
  referenced_columns: string[];
}

interface UniqueKeyRow {
  table_name: string;
  name: string;
  columns: string[];
}

/**
 * Reads columns, foreign keys, unique keys and CHECK constraints of `tables` from the catalog, so
 * validation follows the schema the migrations made rather than a copy of it.
 */
export async function readLoadSchema(
  queryRunner: QueryRunner,
  tables: readonly string[],
): Promise<LoadSchema> {
  const names = [...tables];
  const columnRows: ColumnRow[] = await queryRunner.query(COLUMNS_SQL, [names]);
  const constraintRows: ConstraintRow[] = await queryRunner.query(CONSTRAINTS_SQL, [names]);
  const uniqueRows: UniqueKeyRow[] = await queryRunner.query(UNIQUE_KEYS_SQL, [names]);

  const schemas = new Map<string, TableSchema>();
  for (const table of tables) {
    const columns = columnRows.filter((row) => row.table_name === table).map(toColumnSchema);
    if (columns.length === 0) {
      throw new Error(`Table ${table} does not exist in the database: are the migrations applied?`);
    }
    const constraints = constraintRows.filter((row) => row.table_name === table);
    const inTableOrder = (names: string[]) =>
      columns.map((column) => column.name).filter((name) => names.includes(name));
    const checks: CheckConstraint[] = constraints
      .filter((row) => row.type === 'c')
      .map(({ name, columns: checked, definition }) => ({
        name,
        columns: inTableOrder(checked),
        definition,
      }));
    const foreignKeys: ForeignKey[] = constraints
      .filter((row) => row.type === 'f')
      .map((row) => ({
        name: row.name,
        columns: row.columns,
        referencedTable: row.referenced_table as string,
        referencedColumns: row.referenced_columns,
      }));
    const uniqueKeys: UniqueKey[] = uniqueRows
      .filter((row) => row.table_name === table)
      .map(({ name, columns: keyed }) => ({ name, columns: keyed }));
    attachAllowedValues(columns, checks);
    schemas.set(table, { name: table, columns, foreignKeys, uniqueKeys, checks });
  }

  const references = [...schemas.values()].flatMap((schema) =>
    schema.foreignKeys.map((fk) => ({ table: schema.name, referencedTable: fk.referencedTable })),
  );
  return { order: orderByForeignKeys(tables, references), tables: schemas };
}

function toColumnSchema(row: ColumnRow): ColumnSchema {
  return {
    name: row.column_name,
    dataType: row.data_type,
    maxLength: row.character_maximum_length,
    precision: row.data_type === 'numeric' ? row.numeric_precision : null,
    scale: row.data_type === 'numeric' ? row.numeric_scale : null,
    nullable: row.nullable,
  };
}

function attachAllowedValues(columns: ColumnSchema[], checks: CheckConstraint[]): void {
  for (const check of checks) {
    if (check.columns.length !== 1) continue;
    const allowed = parseCheckInList(check.definition);
    const column = columns.find((candidate) => candidate.name === check.columns[0]);
    if (allowed && column) column.allowedValues = allowed;
  }
}
