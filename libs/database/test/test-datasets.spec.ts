import { Client } from 'pg';
import { databaseUrl } from '../src/schema/citus-cluster';
import {
  createTestDatabase,
  datasetReadCopy,
  datasetTemplate,
  TEST_ADMIN_URL,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '../src/testing';

describe('prepared test data: built once per run, copied per test file', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    first = await createTestDatabase({}, { dataset: 'base' });
    second = await createTestDatabase({}, { dataset: 'base' });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  const count = async (db: TestDatabase, table: string) =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('holds the base set with the seed counts', async () => {
    expect(await count(first, 'securities_master')).toBe(120);
    expect(await count(first, 'holdings_period_1')).toBe(156);
    expect(await count(first, 'holdings_period_2')).toBe(167);
    expect(await count(first, 'variance_summary')).toBe(169);
  });

  it('gives every caller its own copy: a change in one is not seen in the other', async () => {
    await first.dataSource.query('DELETE FROM variance_summary');
    expect(await count(first, 'variance_summary')).toBe(0);
    expect(await count(second, 'variance_summary')).toBe(169);
  });

  it('gives the files that only read one shared copy, read-only, that outlives their drop()', async () => {
    const reading = await createTestDatabase({}, { dataset: 'base', readOnly: true });
    const alsoReading = await createTestDatabase({}, { dataset: 'base', readOnly: true });
    try {
      expect(reading.connection.database).toBe(datasetReadCopy('base'));
      expect(alsoReading.connection.database).toBe(reading.connection.database);
      expect(await count(reading, 'variance_summary')).toBe(169);
      await expect(reading.dataSource.query('DELETE FROM variance_summary')).rejects.toThrow(
        /cannot execute DELETE in a read-only transaction/,
      );
      await reading.drop();
      expect(await count(alsoReading, 'variance_summary')).toBe(169);
    } finally {
      await reading.drop();
      await alsoReading.drop();
    }
  });

  it("lets the copy's read-only role read and nothing else", async () => {
    const reader = new Client({
      ...second.connection,
      user: second.env.POSTGRES_READONLY_USER,
      password: second.env.POSTGRES_READONLY_PASSWORD,
    });
    await reader.connect();
    try {
      const { rows } = await reader.query('SELECT count(*)::int AS n FROM portfolio');
      expect(rows[0].n).toBe(7);
      await expect(reader.query('DELETE FROM portfolio')).rejects.toThrow(/read-only/);
    } finally {
      await reader.end();
    }
  });

  it('keeps the template itself closed to connections, so copies never wait on it', async () => {
    const client = new Client({
      connectionString: databaseUrl(
        process.env[TEST_ADMIN_URL] as string,
        datasetTemplate('base').name,
      ),
    });
    await expect(client.connect()).rejects.toThrow(/not currently accepting connections/);
  });
});

describe('prepared test data: database and role names', () => {
  it('names a hyphenated dataset with plain identifiers, template and read-only copy alike', () => {
    const template = datasetTemplate('three-months', 'r1');
    expect(template.name).toBe('sp_tpl_three_months_r1');
    // One read-only role for every dataset of a run: each is built on a copy of another.
    expect(template.readerRole).toBe('sp_reader_r1');
    expect(datasetTemplate('base', 'r1').readerRole).toBe('sp_reader_r1');
    expect(datasetReadCopy('three-months', 'r1')).toBe('sp_read_three_months_r1');
    expect(datasetReadCopy('base', 'r1')).toBe('sp_read_base_r1');
  });
});
