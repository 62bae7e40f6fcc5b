import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createServerDatabase,
  dropServerDatabase,
  markServerTemplate,
  serverNodes,
  ServerNodes,
} from '../schema/citus-cluster';
import { dropRoleIfUnused } from './test-roles';
import { fromGlobalSetup, TEST_ADMIN_URL } from './test-server';
import { spawnWorkspaceScript } from './workspace-process';

/**
 * Data a test can start from, built once per Jest run and copied per test file:
 * - `migrated`: every migration applied, no rows (on Citus the migrations alone take 15 s);
 * - `base`: migrated, the base set (seed 7) loaded;
 * - `tiny`: `base` plus the `tiny` scale profile (seed 7): ticks, daily bars, daily holdings,
 *   trades, daily FX and variance_quarterly for 2024-12-31 .. 2025-03-31.
 */
const TEST_DATASETS = ['migrated', 'base', 'tiny'] as const;
export type TestDataset = (typeof TEST_DATASETS)[number];

/** The seed of every prepared dataset (the API tests' TEST_SEED). */
export const TEST_DATASET_SEED = 7;

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
  /** The read-only role its grants name; every copy shares it. */
  readerRole: string;
  readerPassword: string;
}

export function datasetTemplate(
  dataset: TestDataset,
  id = fromGlobalSetup(TEST_RUN_ID),
): DatasetTemplate {
  const name = `sp_tpl_${dataset}_${id}`;
  return { name, readerRole: `${name}_reader`, readerPassword: READER_PASSWORD };
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
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
 * Fills an empty database with a dataset through the real CLIs (this lib may not import the
 * generator or the loader): what a test starts from is what a user's commands produce.
 */
async function buildDataset(dataset: TestDataset, env: Record<string, string>): Promise<void> {
  if (dataset === 'migrated') {
    await runCli('tools/db/database-cli.ts', ['migrate'], env);
    return;
  }
  const seed = String(TEST_DATASET_SEED);
  if (dataset === 'tiny') {
    // On an empty database the scale command loads the base set (same seed) first.
    await runCli('apps/generator/src/main.ts', ['scale', '--profile', 'tiny', '--seed', seed], env);
    return;
  }
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
 * The template of `dataset` on the test server, built by the first caller of the run; the others
 * wait on an advisory lock. A half-built template (a killed run) is not a template yet: rebuilt.
 * On Citus the template exists on every node, and so does each copy.
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
    await dropServerDatabase(nodes, template.name);
    await createServerDatabase(nodes, template.name);
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

/** Drops this run's templates and their roles (Jest global teardown). */
export async function dropDatasetTemplates(adminUrl: string, id: string): Promise<void> {
  const nodes = await testServerNodes(adminUrl);
  for (const dataset of TEST_DATASETS) {
    const template = datasetTemplate(dataset, id);
    await dropServerDatabase(nodes, template.name);
    await dropRoleIfUnused(nodes, template.readerRole);
  }
}
