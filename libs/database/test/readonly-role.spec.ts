import { createTestDatabase, TestDatabase } from '../src/testing';
import { createDataSource, migrateUp, readonlyConnection } from '../src';
import { DataSource } from 'typeorm';

describe('the read-only role the API connects as', () => {
  let db: TestDatabase;
  let reader: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
    await db.dataSource.query(
      `INSERT INTO issuer VALUES ('ISS-001', 'TechCorp', 'US', 'Technology', 'Software', '5493001KJTIIGC8Y1R12')`,
    );
    // A partition (or chunk) created after the role exists must be readable too.
    await db.dataSource.query(`SELECT ensure_tick_partitions('2026-01-01', '2026-01-31')`);
    await db.dataSource.query(
      `INSERT INTO tick_data VALUES ('2026-01-02 09:30:00', 1, 1, 1, 1, 'SEC-0001', 10, 9, 11, 10)`,
    );
    reader = createDataSource(db.config, readonlyConnection(db.config, db.connection));
    await reader.initialize();
  });
  afterAll(async () => {
    await reader.destroy();
    await db.drop();
  });

  it('can read every table, including tick partitions added later', async () => {
    await expect(reader.query('SELECT issuer_id FROM issuer')).resolves.toEqual([
      { issuer_id: 'ISS-001' },
    ]);
    await expect(
      reader.query(`SELECT count(*) FROM tick_data WHERE tick_time >= '2026-01-01'`),
    ).resolves.toEqual([{ count: '1' }]);
  });

  it.each([
    [
      'INSERT',
      `INSERT INTO issuer VALUES ('ISS-002', 'X', 'US', 'Technology', 'Software', '5493001KJTIIGC8Y1R13')`,
    ],
    ['UPDATE', `UPDATE issuer SET issuer_name = 'changed'`],
    ['DELETE', `DELETE FROM issuer`],
    ['TRUNCATE', `TRUNCATE issuer CASCADE`],
    ['CREATE', `CREATE TABLE intruder (id int)`],
  ])('cannot %s', async (_verb, sql) => {
    await expect(reader.query(sql)).rejects.toThrow(/permission denied|read-only transaction/);
  });

  it('has changed nothing', async () => {
    await expect(db.dataSource.query('SELECT issuer_name FROM issuer')).resolves.toEqual([
      { issuer_name: 'TechCorp' },
    ]);
  });
});
