import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  bumpDataVersion,
  createDataSource,
  DATA_VERSION_CHANNEL,
  migrateDown,
  migrateUp,
  READ_DATA_VERSION_SQL,
  readonlyConnection,
} from '../src';
import { createTestDatabase, TestDatabase } from '../src/testing';

describe('the data version', () => {
  let db: TestDatabase;
  let reader: DataSource;
  const version = async (source: DataSource) =>
    Number((await source.query(READ_DATA_VERSION_SQL))[0].version);

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
    reader = createDataSource(db.config, readonlyConnection(db.config, db.connection));
    await reader.initialize();
  });
  afterAll(async () => {
    await reader.destroy();
    await db.drop();
  });

  it('starts at 1 and is readable by the read-only role', async () => {
    expect(await version(reader)).toBe(1);
  });

  it('is bumped at commit, notified to listeners, never by a rolled-back transaction', async () => {
    const listener = new Client(readonlyConnection(db.config, db.connection));
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listener.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
    try {
      await db.dataSource
        .transaction(async (manager) => {
          await bumpDataVersion(manager);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      expect(await version(reader)).toBe(1);

      await db.dataSource.transaction((manager) => bumpDataVersion(manager));
      await bumpDataVersion(db.dataSource);
      expect(await version(reader)).toBe(3);
      // Notifications arrive asynchronously, in commit order.
      for (let i = 0; i < 50 && payloads.length < 2; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(payloads).toEqual(['2', '3']);
    } finally {
      await listener.end();
    }
  });

  it('cannot be bumped by the read-only role', async () => {
    await expect(bumpDataVersion(reader)).rejects.toThrow(/permission denied/);
    expect(await version(reader)).toBe(3);
  });

  it('is removed completely by reverting its migration', async () => {
    // It and the migrations after it, newest first: it is the last one reverted.
    const stamp = (name: string) => Number(/\d+$/.exec(name)?.[0]);
    const fromIt = db.dataSource.migrations.filter(
      (migration) => stamp(migration.name ?? '') >= stamp('CreateDataVersion1732500000500'),
    ).length;
    expect((await migrateDown(db.dataSource, fromIt)).at(-1)).toEqual({
      name: 'CreateDataVersion1732500000500',
    });
    const left = await db.dataSource.query(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname = 'platform_meta'
       UNION ALL SELECT proname FROM pg_proc WHERE proname IN ('data_version', 'bump_data_version')`,
    );
    expect(left).toEqual([]);
  });
});
