import { buildDataSourceOptions } from '@securities/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

export interface MigrationColumn {
  name: string;
  /** The SQL type as written: 'varchar(16)', 'numeric(20,2)', 'date', ... */
  type: string;
  nullable: boolean;
}

const COLUMN_LINE =
  /^(\w+)\s+(integer|bigint|date|varchar\(\d+\)|char\(\d+\)|numeric\(\d+,\d+\))(.*)$/;
const CREATE_TABLE = /CREATE TABLE (\w+) \(([\s\S]*?)\n\s*\);/g;

/**
 * The core tables' columns as the migration creates them, read by running its `up` against a
 * query runner that only records the SQL: the CSVs are checked against the schema's owner.
 */
export async function coreTableColumns(): Promise<Map<string, MigrationColumn[]>> {
  const options = buildDataSourceOptions(
    {
      readonlyRole: { user: 'reader', password: 'x' },
      tickDataRange: { from: '2025-01-01', to: '2025-01-31' },
    },
    { host: 'localhost', port: 5432, user: 'owner', password: 'x', database: 'none' },
  );
  const migrations = (options.migrations ?? []) as (new () => MigrationInterface)[];
  const CoreTables = migrations.find((migration) => migration.name.startsWith('CreateCoreTables'));
  if (!CoreTables) throw new Error('no CreateCoreTables migration');
  const statements: string[] = [];
  await new CoreTables().up({
    query: async (sql: string) => void statements.push(sql),
  } as unknown as QueryRunner);

  const tables = new Map<string, MigrationColumn[]>();
  for (const [, table, body] of statements.join('\n').matchAll(CREATE_TABLE)) {
    const columns = body
      .split('\n')
      .map((line) => COLUMN_LINE.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, name, type, rest]) => ({
        name,
        type,
        nullable: !/NOT NULL|PRIMARY KEY/.test(rest),
      }));
    tables.set(table, columns);
  }
  return tables;
}
