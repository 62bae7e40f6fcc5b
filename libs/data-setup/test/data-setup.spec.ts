import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import { PhaseProgress } from '@securities/scale-generator';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { bootstrapDatabase, generateAndLoadBaseSet } from '../src';

/** The seed's row counts (README, "Data: generate and load"), written out by hand. */
const SEED_COUNTS = {
  securities_master: 120,
  portfolio: 7,
  holdings_period_1: 156,
  holdings_period_2: 167,
  fx_rates: 26,
  credit_ratings: 61,
  corporate_actions: 12,
  risk_metrics: 74,
  variance_summary: 169,
};

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.keys(SEED_COUNTS).map(async (table) => {
      const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      return [table, count] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function recordingProgress() {
  const phases: { phase: string; total: number; advanced: number; stopped: boolean }[] = [];
  const progress: PhaseProgress = {
    start: (phase, total) => void phases.push({ phase, total, advanced: 0, stopped: false }),
    advance: (rows) => void (phases[phases.length - 1].advanced += rows),
    note: () => undefined,
    stop: () => void (phases[phases.length - 1].stopped = true),
  };
  return { progress, phases };
}

const baseSetFolders = () =>
  readdirSync(tmpdir()).filter((n) => n.startsWith('securities-base-set-'));

describe('generateAndLoadBaseSet', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('loads the seed counts into an empty database, with a bar per step, and leaves no folder', async () => {
    const before = baseSetFolders();
    const { progress, phases } = recordingProgress();
    const summary = await generateAndLoadBaseSet({ dataSource: db.dataSource, seed: 7, progress });
    expect(await counts(db)).toEqual(SEED_COUNTS);
    expect(summary.tables).toHaveLength(13);
    expect(phases).toEqual([
      { phase: 'base set (seed 7): write CSV', total: 13, advanced: 13, stopped: true },
      { phase: 'base set: validate and load', total: 26, advanced: 26, stopped: true },
    ]);
    expect(baseSetFolders()).toEqual(before);
  });
});

describe('bootstrapDatabase on a platform that has its data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await generateAndLoadBaseSet({ dataSource: db.dataSource, seed: 7 });
    await db.dataSource.query(
      `INSERT INTO tick_data (tick_time, volume, bid_size, ask_size, trade_count, security_id, price, bid, ask, vwap)
       VALUES ('2025-03-28 10:00:00', 100, 10, 10, 1, 'SEC-0001', 100.00, 99.99, 100.01, 100.00)`,
    );
  });
  afterAll(() => db.drop());

  it('applies nothing, generates nothing and leaves every row as it was', async () => {
    const before = await counts(db);
    const lines: string[] = [];
    const result = await bootstrapDatabase(db.config, { log: (line) => lines.push(line) });
    expect(result).toEqual({ migrations: [], generated: { baseSet: false } });
    expect(lines).toContain('Schema is up to date.');
    expect(await counts(db)).toEqual(before);
    const [{ ticks }] = await db.dataSource.query('SELECT count(*)::int AS ticks FROM tick_data');
    expect(ticks).toBe(1);
  });
});
