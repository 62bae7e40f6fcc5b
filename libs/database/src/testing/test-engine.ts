import { Client } from 'pg';
import { serverNodes } from '../schema/citus-cluster';
import { TICK_STORAGE_PROBE_SQL } from '../schema/tick-storage';

/**
 * The database engine a Jest run targets. `postgresql`: the default server (embedded PostgreSQL,
 * or DATABASE_URL). The others come from the `test-<engine>` targets
 * (tools/testing/test-on-engine.js), which set the server and this variable together.
 */
export type TestEngine = 'postgresql' | 'timescaledb' | 'citus';

export const TEST_ENGINE = 'SECURITIES_TEST_ENGINE';
/** The server of a `test-<engine>` run, or the one `npm test` shares; wins over DATABASE_URL. */
export const TEST_SERVER_URL = 'SECURITIES_TEST_SERVER_URL';

const ENGINES: readonly TestEngine[] = ['postgresql', 'timescaledb', 'citus'];

export function testEngine(): TestEngine {
  const engine = process.env[TEST_ENGINE] ?? 'postgresql';
  if (!(ENGINES as readonly string[]).includes(engine))
    throw new Error(`${TEST_ENGINE}: unknown engine "${engine}" (expected ${ENGINES.join(', ')})`);
  return engine as TestEngine;
}

/**
 * Fails the run at once when the server is not the engine the run claims to test: a TimescaleDB
 * run on a server without TimescaleDB would otherwise pass on the partition path, silently, and
 * a Citus run on a server that is not a coordinator with workers on the single-node path.
 */
export async function assertTestEngine(adminUrl: string): Promise<void> {
  const engine = testEngine();
  if (engine === 'citus') {
    const { workers } = await serverNodes(adminUrl);
    if (workers.length === 0)
      throw new Error(
        `The Citus test server (${new URL(adminUrl).host}) is not a Citus coordinator: no citus extension in its admin database (citus/start-cluster sets one up)`,
      );
    return;
  }
  if (engine !== 'timescaledb') return;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const {
      rows: [probe],
    } = await client.query(TICK_STORAGE_PROBE_SQL);
    if (!probe.available || !probe.preloaded)
      throw new Error(
        `The TimescaleDB test server (${new URL(adminUrl).host}) has no TimescaleDB ${probe.available ? 'preloaded (shared_preload_libraries)' : 'extension available'}`,
      );
  } finally {
    await client.end();
  }
}

/**
 * A describe() for suites that only mean something on one engine (the TimescaleDB schema, say);
 * on the others it is one skipped test that says where the suite runs.
 */
export function describeOnEngine(engine: TestEngine, name: string, suite: () => void): void {
  // Jest's globals, reached without its types: this module is also imported outside Jest.
  const { describe, it } = globalThis as unknown as {
    describe: (name: string, suite: () => void) => void;
    it: { skip: (name: string, test: () => void) => void };
  };
  if (testEngine() === engine) describe(name, suite);
  else
    describe(name, () => {
      it.skip(`runs on ${engine} only (npx nx run <project>:${engine === 'postgresql' ? 'test' : `test-${engine}`})`, () =>
        undefined);
    });
}
