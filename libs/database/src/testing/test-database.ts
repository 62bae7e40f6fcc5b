import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { createDataSource } from '../data-source/data-source-options';
import { ConnectionSettings } from '../embedded/connection-settings';
import { TEST_ADMIN_URL } from './test-server';

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

function adminUrl(): string {
  const url = process.env[TEST_ADMIN_URL];
  if (!url)
    throw new Error(
      `${TEST_ADMIN_URL} is not set: is the Jest globalSetup of @securities/database configured?`,
    );
  return url;
}

/**
 * A fresh, empty database (and its own read-only role name, since roles are server-wide) on the
 * test server, so test files can migrate, load and revert without seeing each other.
 */
export async function createTestDatabase(
  overrides: Record<string, string> = {},
): Promise<TestDatabase> {
  const name = `sp_test_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const env = {
    DATABASE_URL: url.toString(),
    POSTGRES_READONLY_USER: `${name}_reader`,
    POSTGRES_READONLY_PASSWORD: 'reader_pass',
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
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}_reader')
               AND NOT EXISTS (SELECT 1 FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid
                               WHERE r.rolname = '${name}_reader') THEN
              DROP ROLE ${name}_reader;
            END IF;
          END $$;`);
      } finally {
        await client.end();
      }
    },
  };
}
