import {
  createTestDatabase,
  spawnWorkspaceScript,
  TestDatabase,
} from '@securities/database/testing';
import { attributeBetween } from '../src';
import { inCents, storedQuarter, storedQuarters } from './support/attribution-rows';

/**
 * The tiny set has one quarter; this range has two (a one-day 2024Q3, 2024-09-27 .. 09-30, and the
 * whole of 2024Q4, in which the base set's positions are bought), at the smallest cost that gives
 * two quarter ends: 120 securities x 68 days.
 */
const SEVERAL_QUARTERS = [
  'scale',
  '--profile=tiny',
  '--securities=120',
  '--from=2024-09-27',
  '--to=2024-12-31',
  '--seed=7',
];
const GENERATION_TIMEOUT_MS = 600_000;

describe('attributeBetween equals every stored quarter of variance_quarterly (two quarters)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    // On a copy of the loaded base set: the run starts from it, as on an empty database once the
    // command has loaded it, without loading it again.
    db = await createTestDatabase({ LOG_LEVEL: 'warn' }, { dataset: 'base' });
    const cli = spawnWorkspaceScript('apps/generator/src/main.ts', SEVERAL_QUARTERS, db.env);
    const { code } = await cli.exited;
    if (code !== 0) throw new Error(`generator scale exited with ${code}:\n${cli.output()}`);
  }, GENERATION_TIMEOUT_MS);
  afterAll(() => db?.drop());

  it('for every portfolio and quarter, to the cent', async () => {
    const quarters = await storedQuarters(db.dataSource);
    expect(
      new Set(quarters.map((q) => `${q.quarter_label} ${q.period_from}..${q.period_to}`)),
    ).toEqual(new Set(['2024Q3 2024-09-27..2024-09-30', '2024Q4 2024-09-30..2024-12-31']));
    expect(new Set(quarters.map((q) => q.portfolio_id)).size).toBe(7);
    for (const quarter of quarters) {
      const rows = await attributeBetween(db.dataSource, {
        from: quarter.period_from,
        to: quarter.period_to,
        portfolioId: quarter.portfolio_id,
      });
      const stored = await storedQuarter(
        db.dataSource,
        quarter.portfolio_id,
        quarter.quarter_label,
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(inCents(rows)).toEqual(stored);
    }
  });
});
