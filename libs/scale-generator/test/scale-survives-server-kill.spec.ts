import {
  describeOnEngine,
  killServerHard,
  scaleDatasetArgs,
  TEST_DATASET_TIMEOUT_MS,
} from '@securities/database/testing';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { OwnServer, ownServer } from './support/own-server';
import {
  datasetChecksums,
  runScaleToEnd,
  spawnScale,
  TableChecksums,
  tableChecksums,
  THREE_MONTHS_SECURITY_MONTHS,
  waitForScaleOutput,
} from './support/scale-cli';

/**
 * The prepared `three-months` dataset is this run, uninterrupted: the base set, then 120
 * securities over 2021-09-29 .. 2021-11-01 (2, 21 and 1 trading days a month).
 */
const RUN = scaleDatasetArgs('three-months');
/** 120 securities x 3 months: the server is killed early in October, once September is loaded. */
const KILL_AFTER_SECURITY_MONTHS = 130;
/** 120 securities x 24 trading days x 1,170 ticks. */
const TICKS = 3_369_600;

async function ledger(db: DataSource) {
  const [row] = await db.query(`
    SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
           (SELECT count(*) FROM pricing_history)::int AS bars,
           (SELECT count(*) FROM holdings_history)::int AS holdings,
           (SELECT count(*) FROM transactions)::int AS transactions,
           (SELECT count(*) FROM fx_rates)::int AS fx_rates,
           (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS marked,
           (SELECT count(*) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS months,
           (SELECT count(*) FROM scale_generator.scale_step WHERE phase = 'holdings')::int AS holdings_marked`);
  return row;
}

// The killed server is an embedded PostgreSQL 16 of the test's own: the partition path, so the
// suite runs in the default pass only (its reference, the prepared dataset, is on that path too).
describeOnEngine(
  'postgresql',
  'the PostgreSQL server killed with SIGKILL during a scale run',
  () => {
    let server: OwnServer;
    let uninterrupted: TableChecksums;

    beforeAll(async () => {
      server = await ownServer('securities-server-kill-');
      uninterrupted = await datasetChecksums('three-months');
    }, TEST_DATASET_TIMEOUT_MS);
    afterAll(async () => {
      rmSync(server.dir, { recursive: true, force: true });
    });

    it('during the ticks: the run stops with the reason, and the database keeps only whole security-months', async () => {
      const cli = spawnScale(RUN, server.env);
      await waitForScaleOutput(cli, /phase ticks started/, 180_000);
      // The run's own server: read its ledger through a second connection until enough is loaded.
      const probe = server.dataSource();
      await probe.initialize();
      try {
        while ((await ledger(probe)).months < KILL_AFTER_SECURITY_MONTHS) {
          if (cli.child.exitCode !== null) throw new Error(`the run ended first:\n${cli.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await probe.destroy();
      }
      killServerHard(server.dataDir);
      const { code } = await cli.exited;
      expect(code).toBe(1);
      expect(cli.output()).toMatch(/^generator: .*(terminat|connection|ECONNRESET|ECONNREFUSED)/im);

      // Restarted (crash recovery), the database holds exactly what the ledger marks as loaded. The
      // tick transactions commit asynchronously, so the last few before the kill may be gone: with
      // their ledger marks, for the rerun to write again.
      const state = await server.whileRunning(ledger);
      expect(state.months).toBeGreaterThan(0);
      expect(state.months).toBeLessThan(THREE_MONTHS_SECURITY_MONTHS);
      expect(state).toMatchObject({ ticks: state.marked, bars: state.marked / 1_170, holdings: 0 });
    }, 600_000);

    it('during the holdings phase: its one transaction is rolled back entirely', async () => {
      const cli = spawnScale(RUN, server.env);
      await waitForScaleOutput(cli, /continuing an interrupted run/, 180_000);
      // The phase takes a second or two: to be sure the kill lands inside it, a second session holds
      // holdings_history, so the phase waits there with its trades and FX rates written, uncommitted.
      const probe = server.dataSource();
      await probe.initialize();
      const blocker = probe.createQueryRunner();
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE holdings_history IN ACCESS EXCLUSIVE MODE');
      try {
        for (;;) {
          const [{ waiting }] = await probe.query(`
          SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO holdings_history%'`);
          if (waiting > 0) break;
          if (cli.child.exitCode !== null) throw new Error(`the run ended first:\n${cli.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const [{ written }] = await probe.query(
          `SELECT count(*)::int AS written FROM scale_generator.scale_step WHERE phase = 'holdings'`,
        );
        expect(written).toBe(0);
        killServerHard(server.dataDir);
      } finally {
        await probe.destroy().catch(() => undefined);
      }
      const { code } = await cli.exited;
      expect(code).toBe(1);

      const state = await server.whileRunning(ledger);
      // Every tick was loaded before the holdings began; of the holdings, nothing is left.
      // Nor any of the trades and daily FX rates it had written: the base set's are all that is left.
      expect(state).toMatchObject({
        months: THREE_MONTHS_SECURITY_MONTHS,
        ticks: TICKS,
        holdings: 0,
        holdings_marked: 0,
        transactions: 130,
        fx_rates: 26,
      });
    }, 900_000);

    it('a rerun after the restarts finishes with checksums identical to an uninterrupted run', async () => {
      const output = await runScaleToEnd(RUN, server.env);
      expect(output).toMatch(/continuing an interrupted run/);
      const resumed = await server.whileRunning((db) => tableChecksums(db));
      expect(resumed).toEqual(uninterrupted);
    }, 900_000);
  },
);
