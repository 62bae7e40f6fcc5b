import {
  AppConfig,
  applyConfiguredSettings,
  ConnectionSettings,
  createDataSource,
  DatabaseServer,
  ensureDatabaseServer,
  migrateUp,
  readonlyConnection,
} from '@securities/database';
import {
  DEFAULT_BASE_SEED,
  DEFAULT_BASE_SET_DIR,
  generateBaseSet,
} from '@securities/generator-core';
import { loadCsvDirectory } from '@securities/loader-core';
import { resolveScaleProfile, runScale } from '@securities/scale-generator';
import { DataSource } from 'typeorm';

export interface PreparedDatabase {
  server: DatabaseServer;
  /** What the API connects as. */
  readonly: ConnectionSettings;
}

/** An empty platform gets the base set: generated with the default seed, then loaded. */
async function loadBaseSetOnFirstRun(
  owner: DataSource,
  log: (message: string) => void,
): Promise<void> {
  const [{ securities }] = await owner.query(
    'SELECT count(*)::int AS securities FROM securities_master',
  );
  if (securities > 0) return;
  log(
    `First run: generating the base data set (seed ${DEFAULT_BASE_SEED}) into ${DEFAULT_BASE_SET_DIR} ...`,
  );
  await generateBaseSet({ seed: DEFAULT_BASE_SEED, outDir: DEFAULT_BASE_SET_DIR });
  const loaded = await loadCsvDirectory({ dir: DEFAULT_BASE_SET_DIR, dataSource: owner });
  log(
    `Loaded ${loaded.totalRows} rows into ${loaded.tables.length} tables in ${(loaded.elapsedMs / 1000).toFixed(1)} s.`,
  );
}

/** The scale profile a new platform gets, so tick and daily-price queries have data at once. */
const FIRST_RUN_SCALE_PROFILE = 'tiny';

/** An empty tick table gets the small scale profile (seconds), on top of the base set. */
async function loadScaleSetOnFirstRun(
  owner: DataSource,
  log: (message: string) => void,
): Promise<void> {
  const [{ ticks }] = await owner.query('SELECT EXISTS (SELECT 1 FROM tick_data) AS ticks');
  if (ticks) return;
  const profile = resolveScaleProfile(FIRST_RUN_SCALE_PROFILE, { seed: DEFAULT_BASE_SEED });
  log(
    `First run: generating the ${profile.name} scale profile (ticks, daily prices, holdings, trades, quarterly variance) ...`,
  );
  const phases = await runScale({
    dataSource: owner,
    profile,
    ensureBaseSet: () => loadBaseSetOnFirstRun(owner, log),
  });
  const rows = phases.reduce((sum, phase) => sum + phase.rows, 0);
  log(`Wrote ${rows.toLocaleString('en-US')} scale rows.`);
}

/**
 * Everything `npm start` needs before serving: a running server (the embedded one when nothing is
 * configured), the schema migrated and, on the first run, the base data set and a small scale
 * profile, as the owner role.
 */
export async function prepareDatabase(
  config: AppConfig,
  log: (message: string) => void,
): Promise<PreparedDatabase> {
  const server = await ensureDatabaseServer(config.database, { log });
  const owner = createDataSource(config, server.connection, {
    applicationName: 'securities-startup',
  });
  await owner.initialize();
  try {
    const applied = await migrateUp(owner);
    log(applied.length ? `Applied ${applied.length} migration(s).` : 'Schema is up to date.');
    for (const change of await applyConfiguredSettings(owner, config, server.connection))
      log(change);
    await loadBaseSetOnFirstRun(owner, log);
    await loadScaleSetOnFirstRun(owner, log);
  } finally {
    await owner.destroy();
  }
  return { server, readonly: readonlyConnection(config, server.connection) };
}
