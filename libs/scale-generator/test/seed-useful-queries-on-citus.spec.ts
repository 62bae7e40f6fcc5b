import { pipeline } from 'node:stream/promises';
import {
  columnNames,
  CORE_TABLE_NAMES,
  isCitusDatabase,
  migrateUp,
  SCALE_TABLE_NAMES,
  TableName,
} from '@securities/database';
import {
  createTestDatabase,
  describeOnEngine,
  SEED_SERVER_QUERIES,
  SEED_USEFUL_QUERIES,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const TABLES: readonly TableName[] = [...CORE_TABLE_NAMES, ...SCALE_TABLE_NAMES];

/** The ticks the one-day query reads, with the rest of that day's market: not all 10 M. */
const TICK_DAY = `tick_time >= '2025-03-28' AND tick_time < '2025-03-29'`;

/** Rows of `table` from one database into another, as they are (binary COPY, columns by name). */
async function copyRows(from: Client, to: Client, table: TableName): Promise<void> {
  const columns = columnNames(table).join(', ');
  const source =
    table === 'tick_data'
      ? `(SELECT ${columns} FROM tick_data WHERE ${TICK_DAY})`
      : `${table} (${columns})`;
  await pipeline(
    from.query(copyTo(`COPY ${source} TO STDOUT (FORMAT binary)`)),
    to.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`)),
  );
}

/** Result rows in one order, for a query whose own ORDER BY leaves it open. */
const sorted = (rows: unknown[]) =>
  rows.map((row) => JSON.stringify(row)).sort((a, b) => a.localeCompare(b));

describeOnEngine(
  'citus',
  "the seed's useful queries on the tiny set: Citus answers as plain PostgreSQL does on the same rows",
  () => {
    let citus: TestDatabase;
    let plain: TestDatabase;

    beforeAll(async () => {
      [citus, plain] = await Promise.all([
        // Only read here: the run's shared read-only copy (the API's Citus suites read it too).
        createTestDatabase({}, { dataset: 'tiny', readOnly: true }),
        createTestDatabase({}, { singleNode: true }),
      ]);
      await migrateUp(plain.dataSource);
      const from = new Client(citus.connection);
      const to = new Client(plain.connection);
      await Promise.all([from.connect(), to.connect()]);
      try {
        // Whatever the migrations put in, the copy replaces (parents first: the foreign keys).
        await to.query(`TRUNCATE ${TABLES.join(', ')}`);
        for (const table of TABLES) await copyRows(from, to, table);
        await to.query('ANALYZE');
      } finally {
        await Promise.all([from.end(), to.end()]);
      }
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(() => Promise.all([citus?.drop(), plain?.drop()]));

    it('compares a distributed database with a plain one on the same server', async () => {
      expect(await isCitusDatabase(citus.dataSource)).toBe(true);
      expect(await isCitusDatabase(plain.dataSource)).toBe(false);
    });

    const dataQueries = Object.entries(SEED_USEFUL_QUERIES).filter(
      ([name]) => !SEED_SERVER_QUERIES.includes(name),
    );

    it.each(dataQueries)('%s', async (name, sql) => {
      const [onCitus, onPlain] = await Promise.all([
        citus.dataSource.query(sql),
        plain.dataSource.query(sql),
      ]);
      expect(onPlain.length).toBeGreaterThan(0);
      // Only "securities by type" has no ORDER BY; the others' orders are total on this data.
      if (name === 'securities by type') expect(sorted(onCitus)).toEqual(sorted(onPlain));
      else expect(onCitus).toEqual(onPlain);
    });

    it.each(SEED_SERVER_QUERIES)(
      '%s runs on both (on Citus it describes the coordinator, its shells of the sharded tables)',
      async (name) => {
        for (const db of [citus, plain]) {
          const rows: Record<string, unknown>[] = await db.dataSource.query(
            SEED_USEFUL_QUERIES[name],
          );
          expect(rows.length).toBeGreaterThan(0);
          if (name === 'table sizes')
            expect(rows.map((row) => row.tablename)).toEqual(expect.arrayContaining([...TABLES]));
        }
      },
    );
  },
);
