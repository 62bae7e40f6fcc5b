import { createTestDatabase, TestDatabase, testEngine } from '../src/testing';
import { ColumnDescription, migrateUp, TABLES } from '../src';

interface CatalogueColumn {
  table_name: string;
  column_name: string;
  type: string;
  nullable: boolean;
}

/**
 * The migrated tables of `public` as the catalogue has them, in column order, each type spelled as
 * the description spells it. Tick partitions, TimescaleDB's bar views and TypeORM's own table aside.
 */
async function migratedColumns(db: TestDatabase): Promise<Map<string, ColumnDescription[]>> {
  const rows: CatalogueColumn[] = await db.dataSource.query(`
    SELECT c.table_name, c.column_name, c.is_nullable = 'YES' AS nullable,
      CASE c.data_type
        WHEN 'numeric' THEN format('numeric(%s,%s)', c.numeric_precision, c.numeric_scale)
        WHEN 'character varying' THEN format('varchar(%s)', c.character_maximum_length)
        WHEN 'character' THEN format('char(%s)', c.character_maximum_length)
        WHEN 'timestamp without time zone' THEN 'timestamp'
        ELSE c.data_type
      END AS type
    FROM information_schema.columns c
    JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
    WHERE c.table_schema = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition
      AND t.relname <> 'typeorm_migrations'
    ORDER BY c.table_name, c.ordinal_position`);
  const tables = new Map<string, ColumnDescription[]>();
  for (const { table_name, column_name, type, nullable } of rows) {
    const columns = tables.get(table_name) ?? [];
    columns.push({ name: column_name, type: type as ColumnDescription['type'], nullable });
    tables.set(table_name, columns);
  }
  return tables;
}

describe(`the schema is described once: the description matches the migrated catalogue (${testEngine()})`, () => {
  let db: TestDatabase;
  let migrated: Map<string, ColumnDescription[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
    migrated = await migratedColumns(db);
  });
  afterAll(() => db.drop());

  it('describes exactly the migrated tables, no more and no fewer', () => {
    expect([...migrated.keys()].sort()).toEqual(Object.keys(TABLES).sort());
  });

  it.each(Object.keys(TABLES))(
    '%s: the same columns, in the same order, with the same types and nullability',
    (table) => {
      expect(migrated.get(table)).toEqual(TABLES[table as keyof typeof TABLES]);
    },
  );

  it('notices a column added by a migration but not described', async () => {
    await db.dataSource.query('ALTER TABLE issuer ADD COLUMN website varchar(200)');
    try {
      const columns = (await migratedColumns(db)).get('issuer') ?? [];
      expect(columns).not.toEqual(TABLES.issuer);
      expect(columns.map((column) => column.name)).toContain('website');
    } finally {
      await db.dataSource.query('ALTER TABLE issuer DROP COLUMN website');
    }
  });
});
