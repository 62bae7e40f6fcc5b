import { DataSource } from 'typeorm';
import { createDataSource } from '../src';
import { createTestDatabase, startSilentServer, TestDatabase } from '../src/testing';

/**
 * node-postgres has one timeout for connecting and for waiting on a busy pool; the API needs
 * two: a server that does not answer fails fast, a busy pool is waited for.
 */
describe('DataSource timeouts: connecting versus waiting for a busy pool', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    source = createDataSource(db.config, db.connection, {
      poolSize: 1,
      connectTimeoutMs: 300,
      queueTimeoutMs: 20_000,
    });
    await source.initialize();
  });
  afterAll(async () => {
    if (source?.isInitialized) await source.destroy();
    await db?.drop();
  });

  it('waits for the only connection while it is busy far longer than the connect timeout', async () => {
    const busy = source.query('SELECT pg_sleep(1.5)');
    const waiting = source.query('SELECT 42 AS answer');
    await busy;
    expect(await waiting).toEqual([{ answer: 42 }]);
  });

  it('waited only as long as the connect timeout without a queue timeout of its own', async () => {
    const strict = createDataSource(db.config, db.connection, {
      poolSize: 1,
      connectTimeoutMs: 300,
    });
    await strict.initialize();
    try {
      const busy = strict.query('SELECT pg_sleep(1.5)');
      await expect(strict.query('SELECT 1')).rejects.toThrow(
        'timeout exceeded when trying to connect',
      );
      await busy;
    } finally {
      await strict.destroy();
    }
  });

  describe('a server that accepts the connection and never answers', () => {
    let silent: { port: number; close(): void };

    beforeAll(async () => {
      silent = await startSilentServer();
    });
    afterAll(() => silent.close());

    it('is given up on by the connect timeout, not the queue timeout', async () => {
      const unanswered = createDataSource(
        db.config,
        { ...db.connection, host: '127.0.0.1', port: silent.port },
        { poolSize: 1, connectTimeoutMs: 300, queueTimeoutMs: 60_000 },
      );
      // The client's own timer ends the attempt: its message, not the pool's.
      await expect(unanswered.initialize()).rejects.toThrow('timeout expired');
    }, 30_000);
  });
});
