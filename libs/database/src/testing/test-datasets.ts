import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createServerDatabase,
  databaseUrl,
  dropServerDatabase,
  markServerTemplate,
  serverNodes,
  ServerNodes,
  withClient,
} from '../schema/citus-cluster';
import { sqlIdentifier } from '../migrations/sql';
import { dropRoleIfUnused } from './test-roles';
import { fromGlobalSetup, TEST_ADMIN_URL } from './test-server';
import { spawnWorkspaceScript } from './workspace-process';

/**
 * Data a test can start from, built once per Jest run and copied per test file, each on a copy of
 * the one it extends (DATASET_PARENT):
 * - `migrated`: every migration applied, no rows (on Citus the migrations alone take 15 s);
 * - `base`: migrated, the base set (seed 7) loaded;
 * - `tiny`: `base` plus the `tiny` scale profile (seed 7): ticks, daily bars, daily holdings,
 *   trades, daily FX and variance_quarterly for 2024-12-31 .. 2025-03-31;
 * - `three-months`: `base` plus the `tiny` profile cut to the base set's 120 securities over
 *   2021-09-29 .. 2021-11-01 (seed 7): three calendar months of 2, 21 and 1 trading days, in three
 *   of TimescaleDB's 30-day chunks (they end on 2021-09-30 and 2021-10-30), 3.4 M ticks, a third of
 *   `tiny`'s: the uninterrupted run the scale suites that kill a run compare its resumed end with.
 */
const TEST_DATASETS = ['migrated', 'base', 'tiny', 'three-months'] as const;
export type TestDataset = (typeof TEST_DATASETS)[number];

/**
 * The dataset each one is built on, a copy of its template: the base set is loaded into a migrated
 * database, a scale run starts from the loaded base set (as `generator scale` does on an empty
 * database once it has loaded it), so no build migrates or loads the base set again (a scale
 * dataset on Citus spent 10 s of its minute on that). The kill suites compare runs that start
 * from an empty database with the scale datasets: the two ways in give the same rows.
 */
const DATASET_PARENT: Partial<Record<TestDataset, TestDataset>> = {
  base: 'migrated',
  tiny: 'base',
  'three-months': 'base',
};

/** The seed of every prepared dataset (the API tests' TEST_SEED). */
export const TEST_DATASET_SEED = 7;

/**
 * The `generator scale` options that build each scale dataset, on a copy of `base` (on an empty
 * database the command would load that base set first).
 */
const SCALE_DATASET_OPTIONS = {
  tiny: ['--profile', 'tiny'],
  'three-months': [
    '--profile',
    'tiny',
    '--securities',
    '120',
    '--from',
    '2021-09-29',
    '--to',
    '2021-11-01',
  ],
} as const satisfies Partial<Record<TestDataset, readonly string[]>>;
export type ScaleDataset = keyof typeof SCALE_DATASET_OPTIONS;

const isScaleDataset = (dataset: TestDataset): dataset is ScaleDataset =>
  dataset in SCALE_DATASET_OPTIONS;

/**
 * The `generator scale` arguments, seed included, that build `dataset`: a test that runs them
 * itself (killed and resumed, say) must end with exactly the dataset's rows.
 */
export function scaleDatasetArgs(dataset: ScaleDataset): string[] {
  return [...SCALE_DATASET_OPTIONS[dataset], '--seed', String(TEST_DATASET_SEED)];
}

/**
 * Room for the first test file of a run that asks for a dataset: it waits for the build (the tiny
 * profile takes a minute or two on a busy 2-core machine). Later files copy it in seconds.
 */
export const TEST_DATASET_TIMEOUT_MS = 600_000;

/** Set by the Jest global setup: names this run's templates, so parallel runs never share one. */
export const TEST_RUN_ID = 'SECURITIES_TEST_RUN_ID';

export function newTestRunId(): string {
  return randomBytes(4).toString('hex');
}

const READER_PASSWORD = 'reader_pass';

export interface DatasetTemplate {
  /** The template database's name. */
  name: string;
  /**
   * The read-only role its grants name: one per run, shared by every dataset (each is built on a
   * copy of another, grants included) and by every copy.
   */
  readerRole: string;
  readerPassword: string;
}

/**
 * The part of a database or role name that names `dataset` and the run: a plain identifier (the
 * read-only role and the grants are named after the template), so no hyphen.
 */
function datasetNamePart(dataset: TestDataset, id: string): string {
  return `${dataset.replaceAll('-', '_')}_${id}`;
}

export function datasetTemplate(
  dataset: TestDataset,
  id = fromGlobalSetup(TEST_RUN_ID),
): DatasetTemplate {
  const name = `sp_tpl_${datasetNamePart(dataset, id)}`;
  return { name, readerRole: datasetReaderRole(id), readerPassword: READER_PASSWORD };
}

/** The read-only role of a run's datasets (roles are server-wide: named after the run). */
function datasetReaderRole(id: string): string {
  return `sp_reader_${id}`;
}

/** A CLI of the workspace, run the way a user runs it; its output is the error when it fails. */
async function runCli(script: string, args: string[], env: Record<string, string>) {
  const cli = spawnWorkspaceScript(script, args, env);
  const { code, signal } = await cli.exited;
  if (code !== 0)
    throw new Error(
      `${script} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${cli.output()}`,
    );
}

/**
 * Fills a database with a dataset through the real CLIs (this lib may not import the generator or
 * the loader): what a test starts from is what a user's commands produce. The database is empty
 * for `migrated`, else a copy of the dataset's parent.
 */
async function buildDataset(dataset: TestDataset, env: Record<string, string>): Promise<void> {
  if (dataset === 'migrated') {
    await runCli('tools/db/database-cli.ts', ['migrate'], env);
    return;
  }
  if (isScaleDataset(dataset)) {
    // On the base set's copy the scale command starts from it (same seed).
    await runCli('apps/generator/src/main.ts', ['scale', ...scaleDatasetArgs(dataset)], env);
    return;
  }
  const seed = String(TEST_DATASET_SEED);
  const dir = mkdtempSync(join(tmpdir(), 'securities-test-base-'));
  try {
    await runCli('apps/generator/src/main.ts', ['base', '--out', dir, '--seed', seed], env);
    await runCli('apps/loader/src/main.ts', ['csv', '--dir', dir], env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const nodesByServer = new Map<string, Promise<ServerNodes>>();

/** The test server's nodes (on Citus: the coordinator and its workers), looked up once. */
export function testServerNodes(adminUrl = fromGlobalSetup(TEST_ADMIN_URL)): Promise<ServerNodes> {
  let nodes = nodesByServer.get(adminUrl);
  if (!nodes) {
    nodes = serverNodes(adminUrl);
    nodesByServer.set(adminUrl, nodes);
  }
  return nodes;
}

/**
 * The template of `dataset` on the test server, built by the first caller of the run on a copy of
 * its parent's (made first, the same way, only when this one is to be built: the locks are always
 * taken from a dataset to its parent, never back); the others wait on an advisory lock. A
 * half-built template (a killed run) is not a template yet: rebuilt. On Citus the template exists
 * on every node, and so does each copy.
 */
export async function ensureDatasetTemplate(
  adminUrl: string,
  dataset: TestDataset,
): Promise<DatasetTemplate> {
  const template = datasetTemplate(dataset);
  const nodes = await testServerNodes(adminUrl);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template.name]);
    const { rows } = await admin.query('SELECT datistemplate FROM pg_database WHERE datname = $1', [
      template.name,
    ]);
    if (rows[0]?.datistemplate) return template;
    const parent = DATASET_PARENT[dataset];
    const from = parent ? (await ensureDatasetTemplate(adminUrl, parent)).name : undefined;
    await dropServerDatabase(nodes, template.name);
    await createServerDatabase(nodes, template.name, from);
    await buildDataset(dataset, {
      DATABASE_URL: databaseUrl(adminUrl, template.name),
      POSTGRES_READONLY_USER: template.readerRole,
      POSTGRES_READONLY_PASSWORD: template.readerPassword,
      LOG_LEVEL: 'warn',
    });
    await markServerTemplate(nodes, template.name);
    return template;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template.name]);
    await admin.end();
  }
}

/** The name of this run's read-only copy of `dataset` (see ensureDatasetReadCopy). */
export function datasetReadCopy(dataset: TestDataset, id = fromGlobalSetup(TEST_RUN_ID)): string {
  return `sp_read_${datasetNamePart(dataset, id)}`;
}

/** Makes every later session on `name` read-only, on every node (the coordinator last). */
async function makeServerDatabaseReadOnly(nodes: ServerNodes, name: string): Promise<void> {
  for (const node of [...nodes.workers, nodes.coordinator])
    await withClient(node, (admin) =>
      admin.query(`ALTER DATABASE ${sqlIdentifier(name)} SET default_transaction_read_only = on`),
    );
}

/**
 * One copy of `dataset` per run and server for every test file that only reads it, instead of a
 * copy per file (1.3 GB for `tiny`, on every node on Citus): made by the first caller, dropped with
 * the templates. Every session on it is read-only (`default_transaction_read_only`, set last on
 * every node, so a copy without it is half made and made again): a file that writes fails there
 * instead of changing what the others read.
 */
export async function ensureDatasetReadCopy(
  adminUrl: string,
  dataset: TestDataset,
): Promise<{ name: string; template: DatasetTemplate }> {
  const template = await ensureDatasetTemplate(adminUrl, dataset);
  const name = datasetReadCopy(dataset);
  const nodes = await testServerNodes(adminUrl);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
       WHERE d.datname = $1 AND s.setrole = 0 AND 'default_transaction_read_only=on' = ANY(s.setconfig)`,
      [name],
    );
    if (rows.length > 0) return { name, template };
    await dropServerDatabase(nodes, name);
    await createServerDatabase(nodes, name, template.name);
    await makeServerDatabaseReadOnly(nodes, name);
    return { name, template };
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    await admin.end();
  }
}

/** Drops this run's templates, their read-only copies and their roles (Jest global teardown). */
export async function dropDatasetTemplates(adminUrl: string, id: string): Promise<void> {
  const nodes = await testServerNodes(adminUrl);
  for (const dataset of TEST_DATASETS) {
    await dropServerDatabase(nodes, datasetReadCopy(dataset, id));
    await dropServerDatabase(nodes, datasetTemplate(dataset, id).name);
  }
  await dropRoleIfUnused(nodes, datasetReaderRole(id));
}
