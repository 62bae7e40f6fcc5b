import {
  createTestDatabase,
  describeOnEngine,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { planScale, resolveScaleProfile } from '../src';

/** The plan's table for each phase of `--plan`. */
const PHASE_TABLES: Record<string, string> = {
  universe: 'securities_master',
  ticks: 'tick_data',
  pricing_history: 'pricing_history',
  holdings_history: 'holdings_history',
  transactions: 'transactions',
  variance_quarterly: 'variance_quarterly',
};

// The plan predicts rows, which are the same on every storage path: the default pass is enough.
// The run is the test datasets' `tiny` (`scale --profile tiny --seed 7` on the base set, built
// once per Jest run): two quarter ends, the period snapshots, the trading book and its rotation.
describeOnEngine('postgresql', '--plan predicts what a run of the tiny profile writes', () => {
  let db: TestDatabase;
  let written: Record<string, number>;
  const profile = resolveScaleProfile('tiny', { seed: 7 });
  const plan = Object.fromEntries(planScale(profile).phases.map((p) => [p.phase, p.rows]));

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
    written = {};
    for (const [phase, table] of Object.entries(PHASE_TABLES)) {
      const [{ rows }] = await db.dataSource.query(`SELECT count(*)::int AS rows FROM ${table}`);
      written[phase] = rows;
    }
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db?.drop());

  it('writes exactly the planned rows of every table but transactions', () => {
    for (const phase of [
      'universe',
      'ticks',
      'pricing_history',
      'holdings_history',
      'variance_quarterly',
    ]) {
      expect({ phase, rows: written[phase] }).toEqual({ phase, rows: plan[phase] });
    }
  });

  it('writes exactly the planned transactions beside the base set’s own, as the README says', () => {
    expect(written.transactions - BASE_PERIOD_POSITIONS.trades).toBe(plan.transactions);
  });
});
