import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import {
  runScaleToEnd,
  spawnScale,
  tableChecksums,
  TINY_RUN_TIMEOUT_MS,
  waitForScaleOutput,
} from './support/scale-cli';

const TINY = ['--profile', 'tiny', '--seed', '7'];
/** 130 securities x 4 months (2024-12 .. 2025-03). */
const SECURITY_MONTHS = 520;
/**
 * Each attempt is killed once the ledger shows this many security-months loaded, plus a few
 * milliseconds (mid-COPY or between transactions): points spread over the tick phase whatever
 * the machine's speed, fixed so a failure can be replayed.
 */
const KILL_POINTS = [
  { loaded: 0, delayMs: 30 },
  { loaded: 130, delayMs: 5 },
  { loaded: 260, delayMs: 60 },
  { loaded: 420, delayMs: 15 },
];

async function securityMonthsLoaded(db: TestDatabase): Promise<number> {
  const [row] = await db.dataSource.query(
    `SELECT count(*)::int AS done FROM scale_generator.scale_step WHERE phase = 'ticks'`,
  );
  return row.done;
}

describe('resuming after kill -9 during the tick phase', () => {
  let uninterrupted: TestDatabase;
  let killed: TestDatabase;
  let otherSeed: TestDatabase;

  beforeAll(async () => {
    [uninterrupted, killed, otherSeed] = await Promise.all([
      createTestDatabase(),
      createTestDatabase(),
      createTestDatabase(),
    ]);
    await runScaleToEnd(TINY, uninterrupted.env);
  }, TINY_RUN_TIMEOUT_MS);
  afterAll(() => Promise.all([uninterrupted, killed, otherSeed].map((db) => db.drop())));

  it(
    'never leaves half a security behind, whenever it is killed',
    async () => {
      const finishedAtKill: number[] = [];
      for (const { loaded, delayMs } of KILL_POINTS) {
        const cli = spawnScale(TINY, killed.env);
        await waitForScaleOutput(cli, /phase ticks started/);
        while ((await securityMonthsLoaded(killed)) < loaded && cli.child.exitCode === null)
          await new Promise((resolve) => setTimeout(resolve, 5));
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        cli.child.kill('SIGKILL');
        const { signal } = await cli.exited;
        expect(signal).toBe('SIGKILL');
        const [state] = await killed.dataSource.query(`
        SELECT (SELECT count(*) FROM tick_data)::int AS ticks,
               (SELECT count(*) FROM pricing_history)::int AS bars,
               (SELECT coalesce(sum(rows), 0) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS marked,
               (SELECT count(*) FROM scale_generator.scale_step WHERE phase = 'ticks')::int AS done`);
        // Exactly what the ledger marks as loaded is there: no half security-month, no orphan.
        expect(state).toEqual({ ...state, ticks: state.marked, bars: state.marked / 1_170 });
        finishedAtKill.push(state.done);
      }
      // Every kill landed inside the tick phase: the load was unfinished each time.
      expect(Math.max(...finishedAtKill)).toBeLessThan(SECURITY_MONTHS);
    },
    TINY_RUN_TIMEOUT_MS,
  );

  it(
    'continues to the same result as an uninterrupted run: same rows, same checksums',
    async () => {
      const output = await runScaleToEnd(TINY, killed.env);
      expect(output).toMatch(/continuing an interrupted run/);
      const [resumed] = await killed.dataSource.query(
        'SELECT resumed FROM scale_generator.scale_run',
      );
      expect(resumed).toEqual({ resumed: true });
      expect(await tableChecksums(killed.dataSource)).toEqual(
        await tableChecksums(uninterrupted.dataSource),
      );
    },
    TINY_RUN_TIMEOUT_MS,
  );

  it(
    'is deterministic for a seed, and another seed gives other prices',
    async () => {
      await runScaleToEnd(['--profile', 'tiny', '--seed', '8'], otherSeed.env);
      const seven = await tableChecksums(uninterrupted.dataSource);
      const eight = await tableChecksums(otherSeed.dataSource);
      expect(eight.tick_data.rows).toBe(seven.tick_data.rows);
      expect(eight.tick_data.md5).not.toBe(seven.tick_data.md5);
    },
    TINY_RUN_TIMEOUT_MS,
  );
});
