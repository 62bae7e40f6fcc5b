import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  SEED_USEFUL_QUERIES,
  TestDatabase,
} from '../src/testing';

describe("the seed's useful queries run unchanged", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'migrated' });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it.each(Object.entries(SEED_USEFUL_QUERIES))('%s', async (_name, sql) => {
    await expect(db.dataSource.query(sql)).resolves.toEqual(expect.any(Array));
  });

  it('the table-size query lists every seed table', async () => {
    const rows: { tablename: string }[] = await db.dataSource.query(
      SEED_USEFUL_QUERIES['table sizes'],
    );
    expect(rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining(['tick_data', 'securities_master']),
    );
  });
});
