import { installedTickStorage, loadConfig, tickBarViews } from '@securities/database';
import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { checkDiskSpace, estimateDisk, planScale, resolveScaleProfile, tableBytes } from '../src';
import { spawnScale } from './support/scale-cli';

/** 9,999 securities over five years: 10x the full profile, hundreds of GB even compressed. */
const HUGE = ['--profile', 'full', '--securities', '9999'];

describe('knowing the disk before writing', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('--plan prints the disk each path needs, at the end and at the peak', async () => {
    const cli = spawnScale(['--profile', 'medium', '--plan'], {});
    expect((await cli.exited).code).toBe(0);
    // One log line each (JSON lines when piped, plain text in a terminal).
    expect(cli.output()).toMatch(/plain partitions: +[\d.]+ GB at the end, [\d.]+ GB at the peak/);
    expect(cli.output()).toMatch(
      /TimescaleDB, compressed: +[\d.]+ GB at the end, [\d.]+ GB at the peak/,
    );
  }, 120_000);

  it(
    "estimates what a run's tables take: the tiny run's, on this path, within 15 %",
    async () => {
      const tiny = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
      try {
        const storage = await installedTickStorage(tiny.dataSource);
        const estimate = estimateDisk(planScale(resolveScaleProfile('tiny', { seed: 7 })))[storage];
        let measured = 0;
        for (const table of [
          'tick_data',
          'pricing_history',
          'holdings_history',
          'variance_quarterly',
          'transactions',
        ])
          measured += await tableBytes(tiny.dataSource, table);
        for (const view of await tickBarViews(tiny.dataSource)) {
          const [{ bytes }] = await tiny.dataSource.query(
            `SELECT hypertable_size(format('%I.%I', materialization_hypertable_schema, materialization_hypertable_name)::regclass)::bigint AS bytes
           FROM timescaledb_information.continuous_aggregates WHERE view_name = $1`,
            [view],
          );
          measured += Number(bytes);
        }
        expect(Math.abs(estimate.finalBytes - measured) / measured).toBeLessThan(0.15);
      } finally {
        await tiny.drop();
      }
    },
    TEST_DATASET_TIMEOUT_MS,
  );

  it('stops a run that will not fit before writing anything, naming profile, estimate and free space', async () => {
    const cli = spawnScale(HUGE, db.env);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.output()).toMatch(
      /profile full needs about [\d.]+ [GTP]B \((plain partitions|TimescaleDB, compressed): .* at the peak, .* at the end, with .* of WAL\) on the database's disk, but \S+ has [\d.]+ [kMGT]?B free\. Nothing was written/,
    );
    // Not even the migrations ran.
    expect(
      await db.dataSource.query(
        `SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('public', 'scale_generator')`,
      ),
    ).toEqual([{ relations: 0 }]);
  }, 120_000);

  it('says so and skips the check where the server is remote', async () => {
    const remote = loadConfig({ ...db.env, DATABASE_URL: 'postgresql://u:p@db.example:5432/x' });
    expect(await checkDiskSpace(db.dataSource, remote, resolveScaleProfile('tiny'))).toMatch(
      /^Disk check skipped: the database server is remote \(db\.example\); profile tiny needs about/,
    );
  });

  it('passes a run that fits, saying how much it needs and how much is free', async () => {
    expect(await checkDiskSpace(db.dataSource, db.config, resolveScaleProfile('tiny'))).toMatch(
      /^Disk: profile tiny needs about .* has [\d.]+ [kMGT]?B free\.$/,
    );
  });
});
