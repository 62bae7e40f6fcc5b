import {
  describeOnEngine,
  scaleDatasetArgs,
  TEST_DATASET_TIMEOUT_MS,
} from '@securities/database/testing';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { OwnServer, ownServer } from './support/own-server';
import {
  datasetChecksums,
  runScaleToEnd,
  spawnScale,
  TableChecksums,
  tableChecksums,
  THREE_MONTHS_SECURITY_MONTHS,
} from './support/scale-cli';

// The prepared `three-months` dataset's run (120 securities, 2021-09-29 .. 2021-11-01, 3.4 M
// ticks); the disk fills up by surprise here: the check that refuses a run which cannot fit is off.
const RUN = [...scaleDatasetArgs('three-months'), '--skip-disk-check'];
/** Room for the base set and a part of the run's 0.4 GB of ticks, not for all of it. */
const SMALL_DISK = '300m';
const ROOMY_DISK = '4g';

const isRoot = process.getuid?.() === 0;
// Mounting a size-limited file system needs root: elsewhere the suite says so and does not run.
// The filled server is an embedded PostgreSQL 16 of the test's own (the partition path, like its
// reference, the prepared dataset): the suite runs in the default pass only.
const describeAsRoot = (name: string, suite: () => void) =>
  isRoot ? describeOnEngine('postgresql', name, suite) : describe.skip(name, suite);
if (!isRoot) console.warn('scale-survives-full-disk: skipped, mounting a small tmpfs needs root');

/** The uid the embedded server runs as: `postgres` when we are root. */
function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
}

describeAsRoot('the disk filling up during a scale run', () => {
  let server: OwnServer;
  let uninterrupted: TableChecksums;
  let disk: string;

  beforeAll(async () => {
    server = await ownServer('securities-disk-full-');
    uninterrupted = await datasetChecksums('three-months');
    // The database lives in a tablespace on a small tmpfs; the server's own files (WAL) do not.
    disk = join(server.dir, 'small-disk');
    mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SMALL_DISK},mode=0700`, 'tmpfs', disk]);
    chownSync(disk, postgresUid(), postgresUid());
    await server.whileServing(async () => {
      const admin = new Client({ ...server.connection, database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE TABLESPACE small_disk LOCATION '${disk}'`);
        await admin.query(`ALTER DATABASE ${server.connection.database} SET TABLESPACE small_disk`);
      } finally {
        await admin.end();
      }
    });
  }, TEST_DATASET_TIMEOUT_MS);

  afterAll(async () => {
    if (disk) execFileSync('umount', ['--lazy', disk]);
    rmSync(server.dir, { recursive: true, force: true });
  });

  it('stops with a clear message and keeps only whole security-months', async () => {
    const cli = spawnScale(RUN, server.env);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.output()).toMatch(
      /^generator: .*No space left on device\nThe disk is full: free some space, then run the same command again; it continues from its last finished step\.$/m,
    );
    const state = await server.whileRunning(async (db) => {
      const [row] = await db.query(`
        SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
               (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS marked,
               (SELECT count(*) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS months`);
      return row;
    });
    expect(state.months).toBeLessThan(THREE_MONTHS_SECURITY_MONTHS);
    expect(state.ticks).toBe(state.marked);
  }, 900_000);

  it('resumes after space is freed and ends with the checksums of an uninterrupted run', async () => {
    execFileSync('mount', ['-o', `remount,size=${ROOMY_DISK}`, disk]);
    const output = await runScaleToEnd(RUN, server.env);
    expect(output).toMatch(/continuing an interrupted run/);
    const resumed = await server.whileRunning((db) => tableChecksums(db));
    expect(resumed).toEqual(uninterrupted);
  }, 900_000);
});
