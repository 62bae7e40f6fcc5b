import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  createServerDatabase,
  databaseUrl,
  dropServerDatabase,
  ServerNodes,
} from '../src/schema/citus-cluster';
import { describeOnEngine, fromGlobalSetup, TEST_ADMIN_URL } from '../src/testing';

/**
 * A database some session holds past DROP DATABASE ... WITH (FORCE): a prepared transaction holds
 * it as a live session does (the same error, 55006 object_in_use), and FORCE cannot end it
 * (Citus's servers allow prepared transactions; the others here do not). Plain databases on the
 * coordinator: no workers.
 */
describeOnEngine('citus', 'dropping a database that a session outlives FORCE', () => {
  let admin: Client;
  let nodes: ServerNodes;
  let name: string;

  beforeEach(async () => {
    const adminUrl = fromGlobalSetup(TEST_ADMIN_URL);
    nodes = { coordinator: adminUrl, workers: [] };
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    name = `sp_drop_${randomBytes(4).toString('hex')}`;
    await createServerDatabase(nodes, name);
    const session = new Client({ connectionString: databaseUrl(adminUrl, name) });
    await session.connect();
    await session.query(`BEGIN; CREATE TABLE held (id int); PREPARE TRANSACTION '${name}'`);
    await session.end();
  });
  afterEach(async () => {
    await release().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });

  const exists = async () =>
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  /** Ends the prepared transaction (from inside its database, which the drop closed). */
  async function release() {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const session = new Client({ connectionString: databaseUrl(nodes.coordinator, name) });
    await session.connect();
    try {
      await session.query(`ROLLBACK PREPARED '${name}'`);
    } finally {
      await session.end();
    }
  }

  it('tries again, and drops it once the session has gone', async () => {
    const dropped = dropServerDatabase(nodes, name);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await exists()).toBe(true);
    await release();
    await dropped;
    expect(await exists()).toBe(false);
  });

  it("gives up after its tries with the server's error, and the database stays", async () => {
    const failure = await dropServerDatabase(nodes, name).catch((error: Error) => error);
    expect(failure).toMatchObject({ code: '55006' });
    expect((failure as Error).message).toBe(
      `database "${name}" is being used by prepared transactions`,
    );
    expect(await exists()).toBe(true);
  });
});
