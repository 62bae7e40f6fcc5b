import {
  spawnWorkspaceScript,
  waitForOutput,
  WorkspaceProcess,
} from '@securities/database/testing';
import { tickBarViews } from '@securities/database';
import { DataSource } from 'typeorm';

export type ScaleCli = WorkspaceProcess;

/**
 * Room for one whole tiny run (about 30 s alone): several times more on a 2-core machine shared
 * with other test runs, and on TimescaleDB, which compresses as it loads.
 */
export const TINY_RUN_TIMEOUT_MS = 900_000;

/** Room for one query over every tick of the tiny run (10 M rows) on a busy machine. */
export const TINY_QUERY_TIMEOUT_MS = 300_000;

/** `generator scale` as a real child process, the way a user (or `nx run generator:scale`) runs it. */
export function spawnScale(args: string[], env: Record<string, string | undefined>): ScaleCli {
  return spawnWorkspaceScript('apps/generator/src/main.ts', ['scale', ...args], env);
}

export async function runScaleToEnd(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<string> {
  const cli = spawnScale(args, env);
  const { code } = await cli.exited;
  if (code !== 0) throw new Error(`generator scale exited with ${code}:\n${cli.output()}`);
  return cli.output();
}

export function waitForScaleOutput(
  cli: ScaleCli,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  return waitForOutput(cli, pattern, timeoutMs);
}

/** Tables the scale run writes. */
export const SCALE_TABLES = [
  'tick_data',
  'pricing_history',
  'securities_master',
  'issuer',
  'holdings_history',
  'transactions',
  'fx_rates',
  'variance_quarterly',
] as const;

/**
 * Row count and a 128-bit checksum of the rows, per table (and per bar aggregate on TimescaleDB):
 * the sums of two 64-bit hashes of every row (`hash_record_extended`, seeds 0 and 1), so the same
 * rows give the same checksum in any order and one changed value changes it. It hashes the values
 * as stored, without writing 10 M ticks out as text, sorting them and hashing 900 MB of it (an md5
 * of the rows' text in key order took 98 s here on the tiny run's ticks, this 20 s).
 */
export async function tableChecksums(
  db: DataSource,
): Promise<Record<string, { rows: number; hash: string }>> {
  const result: Record<string, { rows: number; hash: string }> = {};
  for (const table of [...SCALE_TABLES, ...(await tickBarViews(db))]) {
    const [row] = await db.query(
      `SELECT count(*)::int AS rows,
              sum(hash_record_extended(t, 0)) || ' ' || sum(hash_record_extended(t, 1)) AS hash
       FROM ${table} t`,
    );
    result[table] = { rows: row.rows, hash: row.hash };
  }
  return result;
}
