import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, isDatabaseUnavailable, pooledClientClass } from '../src';
import {
  createTestDatabase,
  HeldConnectionProxy,
  startHeldConnectionProxy,
  TestDatabase,
} from '../src/testing';

/**
 * A server that ends a connection just as it is made (a standby shutting down, say), with the
 * end of connecting and the FATAL in one read: the pool hands the client out and only then does
 * the borrower listen for its errors. Seen once in CI as an unhandled 'error' event that failed a
 * hot-standby test; here the proxy makes that timing certain, on a real server.
 */
describe('a connection the server ends just as the pool hands it out', () => {
  let db: TestDatabase;
  let proxy: HeldConnectionProxy;
  let source: DataSource;
  let admin: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await startHeldConnectionProxy(db.connection);
    source = createDataSource(
      db.config,
      { ...db.connection, host: '127.0.0.1', port: proxy.port },
      { poolSize: 4, connectTimeoutMs: 10_000, survivesLostConnections: true },
    );
    await source.initialize();
    admin = new Client(db.connection);
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    if (source?.isInitialized) await source.destroy();
    await proxy?.close();
    await db?.drop();
  });

  /** Makes the next new connection through the proxy end as it is made, while `borrow` runs. */
  async function endNextConnectionAsItIsMade<T>(borrow: () => T): Promise<T> {
    const held = proxy.holdNextConnection();
    const borrowed = borrow();
    const pid = await held;
    expect(pid).toBeGreaterThan(0);
    const { rows } = await admin.query('SELECT pg_terminate_backend($1) AS terminated', [pid]);
    expect(rows).toEqual([{ terminated: true }]);
    await proxy.serverClosedHeld();
    proxy.deliverHeld();
    return borrowed;
  }

  it("a DataSource (the API's): fails only the query that got it, and the next queries run", async () => {
    // The pool's one connection answers the first; the second needs a new one, which is held.
    const outcomes = await Promise.allSettled(
      await endNextConnectionAsItIsMade(() => [
        source.query('SELECT pg_sleep(0.2), 1 AS n'),
        source.query('SELECT 2 AS n'),
      ]),
    );
    const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(isDatabaseUnavailable(failed[0].reason)).toBe(true);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    // The pool discarded the dead connection: every connection it hands out now answers.
    const again = await Promise.all(
      [1, 2, 3, 4].map((n) => source.query('SELECT $1::int AS n', [n])),
    );
    expect(again).toEqual([[{ n: 1 }], [{ n: 2 }], [{ n: 3 }], [{ n: 4 }]]);
  });

  it("a pg Pool of its clients (the COPY streams'): the client handed out fails its query", async () => {
    const pool = new Pool({
      ...db.connection,
      port: proxy.port,
      Client: pooledClientClass({ survivesLostConnections: true }),
    });
    pool.on('error', () => undefined);
    try {
      const client = await endNextConnectionAsItIsMade(() => pool.connect());
      const failure = await client.query('SELECT 1').catch((error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      client.release(failure as Error);
      expect((await pool.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
    } finally {
      await pool.end();
    }
  });
});
