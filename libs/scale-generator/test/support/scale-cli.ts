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

/** Tables the scale run writes, with the order that makes their text checksum stable. */
export const SCALE_TABLES: Record<string, string> = {
  tick_data: 'security_id, tick_time',
  pricing_history: 'security_id, price_date',
  securities_master: 'security_id',
  issuer: 'issuer_id',
  holdings_history: 'portfolio_id, as_of_date, security_id',
  transactions: 'txn_id',
  fx_rates: 'rate_id',
  variance_quarterly: 'portfolio_id, security_id, quarter_label',
};

/** Row count and md5 of every row's text, per table (and per bar aggregate on TimescaleDB). */
export async function tableChecksums(
  db: DataSource,
): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  const bars = (await tickBarViews(db)).map((view) => [view, 'security_id, bucket']);
  for (const [table, order] of [...Object.entries(SCALE_TABLES), ...bars]) {
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY ${order
        .split(', ')
        .map((c) => `t.${c}`)
        .join(', ')})) AS md5 FROM ${table} t`,
    );
    result[table] = { rows: row.rows, md5: row.md5 };
  }
  return result;
}
