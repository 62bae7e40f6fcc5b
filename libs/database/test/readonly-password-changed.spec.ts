import { Client } from 'pg';
import {
  applyConfiguredSettings,
  assertReadonlyLogin,
  installedTickStorage,
  loadConfig,
  migrateUp,
  readonlyConnection,
} from '../src';
import { createTestDatabase, TestDatabase } from '../src/testing';
import { spawnDatabaseCli } from './cli-process';

/** True when the read-only role logs in with this password. */
async function logsIn(db: TestDatabase, password: string): Promise<boolean> {
  const client = new Client({ ...readonlyConnection(db.config, db.connection), password });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('POSTGRES_READONLY_PASSWORD changed after the migrations ran', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
  });
  afterAll(() => db.drop());

  it('breaks the read-only login until something sets the new password', async () => {
    expect(await logsIn(db, db.config.readonlyRole.password)).toBe(true);
    expect(await logsIn(db, 'changed_pass')).toBe(false);
  });

  it('an API start (or anything reading only) stops with what to do', async () => {
    const changed = loadConfig({ ...db.env, POSTGRES_READONLY_PASSWORD: 'changed_pass' });
    await expect(
      assertReadonlyLogin(changed, readonlyConnection(changed, db.connection)),
    ).rejects.toThrow(
      `the read-only role ${db.config.readonlyRole.user} rejects POSTGRES_READONLY_PASSWORD: the database keeps the password the migrations set when they ran. Run \`npx nx run database:migrate\``,
    );
  });

  it('`database:migrate` sets the role to the new password and says so', async () => {
    const cli = spawnDatabaseCli(['migrate'], {
      ...db.env,
      POSTGRES_READONLY_PASSWORD: 'changed_pass',
    });
    const { code } = await cli.exited;
    expect({ code, output: cli.output() }).toMatchObject({ code: 0 });
    expect(cli.output()).toContain(
      `POSTGRES_READONLY_PASSWORD changed since the migrations ran: set it as ${db.config.readonlyRole.user}'s password.`,
    );
    expect(await logsIn(db, 'changed_pass')).toBe(true);
    expect(await logsIn(db, db.config.readonlyRole.password)).toBe(false);
  });

  it('a start-up with nothing changed changes nothing', async () => {
    const config = loadConfig({ ...db.env, POSTGRES_READONLY_PASSWORD: 'changed_pass' });
    expect(await applyConfiguredSettings(db.dataSource, config, db.connection)).toEqual([]);
  });

  it('a widened TICK_DATA_TO gets its monthly partitions at start-up (on TimescaleDB chunks appear by themselves)', async () => {
    const config = loadConfig({
      ...db.env,
      POSTGRES_READONLY_PASSWORD: 'changed_pass',
      TICK_DATA_TO: '2025-06-30',
    });
    const hypertable = (await installedTickStorage(db.dataSource)) === 'timescaledb';
    expect(await applyConfiguredSettings(db.dataSource, config, db.connection)).toEqual(
      hypertable
        ? []
        : [
            'TICK_DATA_FROM..TICK_DATA_TO widened since the migrations ran: added 3 monthly tick partition(s).',
          ],
    );
  });
});
