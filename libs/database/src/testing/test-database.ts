import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { createDataSource } from '../data-source/data-source-options';
import { ConnectionSettings } from '../embedded/connection-settings';
import { createServerDatabase, databaseUrl, dropServerDatabase } from '../schema/citus-cluster';
import {
  ensureDatasetReadCopy,
  ensureDatasetTemplate,
  TestDataset,
  testServerNodes,
} from './test-datasets';
import { dropRoleIfUnused } from './test-roles';
import { fromGlobalSetup, TEST_ADMIN_URL } from './test-server';

export interface TestDatabase {
  /** Configuration pointing at this database (owner role), as a program would load it. */
  config: AppConfig;
  /** Environment variables that make a child process use this database. */
  env: Record<string, string>;
  connection: ConnectionSettings;
  /** An owner-role DataSource, initialised. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

const adminUrl = () => fromGlobalSetup(TEST_ADMIN_URL);

export interface TestDatabaseOptions {
  /**
   * Start from prepared data instead of an empty database: built once per Jest run, copied per
   * call. The first caller of a run waits for the build: give its hook TEST_DATASET_TIMEOUT_MS.
   */
  dataset?: TestDataset;
  /**
   * On Citus: the database on the coordinator alone, without the extension, so plain PostgreSQL
   * on the same server (an oracle for what Citus answers). Elsewhere it changes nothing.
   */
  singleNode?: boolean;
  /**
   * For a file that only reads `dataset`: the run's one read-only copy of it, shared with every
   * other such file (ensureDatasetReadCopy), instead of a copy of its own; drop() then only closes
   * this file's connections. A write there fails ("cannot execute ... in a read-only transaction").
   */
  readOnly?: boolean;
}

/**
 * A fresh database on the test server, so test files can migrate, load and revert without
 * seeing each other: empty, with its own read-only role name (roles are server-wide), or a copy
 * of a prepared dataset, sharing that dataset's read-only role.
 */
export async function createTestDatabase(
  overrides: Record<string, string> = {},
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  if (options.dataset && options.singleNode)
    throw new Error('a prepared dataset exists on every node: it cannot be copied to one alone');
  if (options.readOnly && !options.dataset)
    throw new Error('readOnly shares a copy of a prepared dataset: name the dataset');
  const shared =
    options.readOnly && options.dataset
      ? await ensureDatasetReadCopy(adminUrl(), options.dataset)
      : undefined;
  const name = shared?.name ?? `sp_test_${randomBytes(5).toString('hex')}`;
  const template =
    shared?.template ??
    (options.dataset ? await ensureDatasetTemplate(adminUrl(), options.dataset) : undefined);
  const server = await testServerNodes();
  const nodes = options.singleNode ? { coordinator: server.coordinator, workers: [] } : server;
  if (!shared) await createServerDatabase(nodes, name, template?.name);
  const env = {
    DATABASE_URL: databaseUrl(adminUrl(), name),
    POSTGRES_READONLY_USER: template?.readerRole ?? `${name}_reader`,
    POSTGRES_READONLY_PASSWORD: template?.readerPassword ?? 'reader_pass',
    ...overrides,
  };
  const config = loadConfig(env);
  if (config.database.kind !== 'external') throw new Error('unreachable: DATABASE_URL is set');
  const { host, port, user, password, database } = config.database;
  const connection = { host, port, user, password, database };
  const dataSource = createDataSource(config, connection, { applicationName: 'securities-tests' });
  await dataSource.initialize();

  return {
    config,
    env,
    connection,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      // The shared copy goes with the templates, once every run is done.
      if (shared) return;
      await dropServerDatabase(nodes, name);
      // A dataset's role outlives its copies: the template still refers to it.
      await dropRoleIfUnused(nodes, env.POSTGRES_READONLY_USER);
    },
  };
}
