import {
  createTestDatabase,
  datasetTemplate,
  fromGlobalSetup,
  ScaleDataset,
  spawnWorkspaceScript,
  TEST_ADMIN_URL,
  waitForOutput,
  WorkspaceProcess,
} from '@securities/database/testing';
import { tickBarViews } from '@securities/database';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export type ScaleCli = WorkspaceProcess;

/**
 * Room for one whole tiny run (about 30 s alone): several times more on a 2-core machine shared
 * with other test runs, and on TimescaleDB, which compresses as it loads.
 */
export const TINY_RUN_TIMEOUT_MS = 900_000;

/** Room for one query over every tick of the tiny run (10 M rows) on a busy machine. */
export const TINY_QUERY_TIMEOUT_MS = 300_000;

/**
 * The security-months of the prepared `three-months` dataset (120 securities x 3 calendar months,
 * see scaleDatasetArgs): the ledger's 'ticks' steps of a whole run, which a killed one stays under.
 */
export const THREE_MONTHS_SECURITY_MONTHS = 360;

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

export type TableChecksums = Record<string, { rows: number; hash: string }>;

/** One table's row count and checksum (see tableChecksums). */
const tableChecksumSql = (table: string) =>
  `SELECT count(*)::int AS rows,
          sum(hash_record_extended(t, 0)) || ' ' || sum(hash_record_extended(t, 1)) AS hash
   FROM ${table} t`;

/**
 * Row count and a 128-bit checksum of the rows, per table (and per bar aggregate on TimescaleDB):
 * the sums of two 64-bit hashes of every row (`hash_record_extended`, seeds 0 and 1), so the same
 * rows give the same checksum in any order and one changed value changes it. It hashes the values
 * as stored, without writing 10 M ticks out as text, sorting them and hashing 900 MB of it (an md5
 * of the rows' text in key order took 98 s here on the tiny run's ticks, this 20 s).
 */
export async function tableChecksums(db: DataSource): Promise<TableChecksums> {
  const result: TableChecksums = {};
  for (const table of [...SCALE_TABLES, ...(await tickBarViews(db))]) {
    const [row] = await db.query(tableChecksumSql(table));
    result[table] = { rows: row.rows, hash: row.hash };
  }
  return result;
}

/**
 * What tableChecksums computes (its tables and its SQL): checksums cached under another
 * definition are stale, whatever the template holds.
 */
const CHECKSUM_DEFINITION = createHash('sha256')
  .update(JSON.stringify([SCALE_TABLES, tableChecksumSql('<table>')]))
  .digest('hex');

/**
 * The checksums of a prepared scale dataset, an uninterrupted `generator scale` with
 * `scaleDatasetArgs(dataset)`: the reference the kill suites compare their resumed runs with
 * (the `three-months` dataset). Hashed once per template, from a fresh copy of it (a copy is the
 * template's bytes), and kept as the template's comment with the definition they were computed
 * under, so the suites of one Jest run (or of `npm test`) neither hash its ticks again nor copy
 * the dataset only to hash it. The cache cannot outlive what it describes: a template is closed to
 * connections (only ever copied, never written); rebuilding one (a half-built template, another
 * run id) drops the database and its comment with it; and checksums cached under another checksum
 * definition are recomputed.
 */
export async function datasetChecksums(dataset: ScaleDataset): Promise<TableChecksums> {
  const template = datasetTemplate(dataset).name;
  const admin = new Client({ connectionString: fromGlobalSetup(TEST_ADMIN_URL) });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT shobj_description(oid, 'pg_database') AS cached FROM pg_database WHERE datname = $1`,
      [template],
    );
    const cached = rows[0]?.cached ? JSON.parse(rows[0].cached) : undefined;
    if (cached?.definition === CHECKSUM_DEFINITION) return cached.checksums;
    const copy = await createTestDatabase({}, { dataset });
    let checksums: TableChecksums;
    try {
      checksums = await tableChecksums(copy.dataSource);
    } finally {
      await copy.drop();
    }
    const comment = JSON.stringify({ definition: CHECKSUM_DEFINITION, checksums });
    await admin.query(`COMMENT ON DATABASE "${template}" IS ${admin.escapeLiteral(comment)}`);
    return checksums;
  } finally {
    await admin.end();
  }
}
