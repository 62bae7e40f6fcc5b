import { workspaceRoot } from '@securities/database';
import {
  createTestDatabase,
  freePort,
  makeServerDir,
  spawnWorkspaceScript,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { logText } from '@securities/logging';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDatabaseTarget } from '../bench/tick-bench';

const USER_DATABASE = 'postgresql://alice:secret@db.example:5432/markets';

describe('where the tick benchmark runs', () => {
  it('on its own embedded server beside the embedded data folder, whatever DATABASE_URL says', () => {
    expect(benchDatabaseTarget({ DATABASE_URL: USER_DATABASE }, {})).toEqual({
      kind: 'embedded',
      dataDir: join(workspaceRoot, '.data/tick-bench'),
      port: 54330,
      database: 'securities_platform',
      user: 'securities_user',
      password: 'securities_pass',
    });
    expect(
      benchDatabaseTarget(
        { POSTGRES_HOST: 'localhost', EMBEDDED_POSTGRES_DIR: '/srv/pg/data' },
        {},
      ),
    ).toMatchObject({ kind: 'embedded', dataDir: '/srv/pg/tick-bench' });
  });

  it('on another database only with --database-url and --erase-database', () => {
    expect(() => benchDatabaseTarget({}, { databaseUrl: USER_DATABASE })).toThrow(
      '--database-url: the benchmark empties every table of markets on db.example:5432; add --erase-database to confirm, or leave both out to use its own embedded server',
    );
    expect(
      benchDatabaseTarget({}, { databaseUrl: USER_DATABASE, eraseDatabase: true }),
    ).toMatchObject({ kind: 'external', host: 'db.example', database: 'markets' });
  });
});

describe('a tick benchmark run with DATABASE_URL set (after `cp .env.example .env` and editing it)', () => {
  let users: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    users = await createTestDatabase({}, { dataset: 'base' });
    dir = makeServerDir('securities-tick-bench-');
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(async () => {
    await users?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async () =>
    (
      await users.dataSource.query(`SELECT (SELECT count(*) FROM issuer)::int AS issuers,
        (SELECT count(*) FROM securities_master)::int AS securities,
        (SELECT count(*) FROM transactions)::int AS transactions`)
    )[0];

  it('benchmarks on its own server and leaves the configured database untouched', async () => {
    const before = await counts();
    const benchPort = await freePort();
    const bench = spawnWorkspaceScript(
      'tools/bench/tick-bench.ts',
      ['--profile', 'tiny', '--from', '2024-12-31', '--to', '2024-12-31', '--seed', '7'],
      {
        ...users.env,
        EMBEDDED_POSTGRES_DIR: join(dir, 'postgres'),
        EMBEDDED_POSTGRES_PORT: String(benchPort - 10),
      },
    );
    const { code } = await bench.exited;
    const output = logText(bench.output());
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain(
      `Benchmark database: securities_platform on 127.0.0.1:${benchPort} (its own server, ${join(dir, 'tick-bench')})`,
    );
    expect(output).toMatch(/^Ratio end to end \/ ceiling: \d+\.\d\d$/m);
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ issuers: 71, securities: 120, transactions: 130 });
  }, 600_000);
});
