import { Queryable } from '@securities/database';
import { ScaleProfile } from '../profiles/scale-profiles';

export interface LedgerRun {
  runKey: string;
  resumed: boolean;
  finished: boolean;
  /** What the base set held when the run started: everything above it is the run's own. */
  parameters: {
    baseSecurities: number;
    baseIssuers: number;
    lastBaseTransaction?: number;
    lastBaseFxRate?: number;
    /** The base set's highest rating_id (ledgers from before it was recorded have none). */
    lastBaseRating?: number;
  };
}

/** Identifies a run's output: the same key means a rerun continues, another key starts over. */
export function runKey(profile: ScaleProfile): string {
  const { seed, universe, issuers, securities, from, to, positions, quarterPositions } = profile;
  return `seed=${seed};universe=${universe};issuers=${issuers};securities=${securities};range=${from}..${to};positions=${positions}/${quarterPositions}`;
}

const first = <T>(result: unknown): T | undefined => (result as T[])[0];

/**
 * The resume ledger (schema scale_generator, created by migration): finished steps are marked in
 * the same transaction as their work, through `markStep`, so what it says is what is there.
 */
export const scaleLedger = {
  async currentRun(db: Queryable): Promise<LedgerRun | undefined> {
    const row = first<{
      run_key: string;
      resumed: boolean;
      finished_at: Date | null;
      parameters: LedgerRun['parameters'];
    }>(
      await db.query(
        'SELECT run_key, resumed, finished_at, parameters FROM scale_generator.scale_run LIMIT 1',
      ),
    );
    return row
      ? {
          runKey: row.run_key,
          resumed: row.resumed,
          finished: row.finished_at !== null,
          parameters: row.parameters,
        }
      : undefined;
  },

  async startRun(db: Queryable, key: string, parameters: LedgerRun['parameters']): Promise<void> {
    await db.query('DELETE FROM scale_generator.scale_run');
    await db.query('INSERT INTO scale_generator.scale_run (run_key, parameters) VALUES ($1, $2)', [
      key,
      JSON.stringify(parameters),
    ]);
  },

  async finishedSteps(db: Queryable, key: string, phase: string): Promise<Set<string>> {
    const rows = (await db.query(
      'SELECT step FROM scale_generator.scale_step WHERE run_key = $1 AND phase = $2',
      [key, phase],
    )) as { step: string }[];
    return new Set(rows.map((row) => row.step));
  },

  async isDone(db: Queryable, key: string, phase: string, step: string): Promise<boolean> {
    const rows = (await db.query(
      'SELECT 1 FROM scale_generator.scale_step WHERE run_key = $1 AND phase = $2 AND step = $3',
      [key, phase, step],
    )) as unknown[];
    return rows.length > 0;
  },

  async markStep(
    db: Queryable,
    key: string,
    phase: string,
    step: string,
    rows = 0,
    seconds = 0,
  ): Promise<void> {
    await db.query(
      `INSERT INTO scale_generator.scale_step (run_key, phase, step, rows, seconds) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (run_key, phase, step) DO NOTHING`,
      [key, phase, step, rows, seconds],
    );
  },

  async markResumed(db: Queryable, key: string): Promise<void> {
    await db.query('UPDATE scale_generator.scale_run SET resumed = true WHERE run_key = $1', [key]);
  },

  async finishRun(db: Queryable, key: string): Promise<void> {
    await db.query('UPDATE scale_generator.scale_run SET finished_at = now() WHERE run_key = $1', [
      key,
    ]);
  },
};
