import {
  AppConfig,
  applyConfiguredSettings,
  migrateUp,
  openOwnerDatabase,
} from '@securities/database';
import { DEFAULT_BASE_SEED, grownUniverseRows } from '@securities/generator-core';
import {
  BULK_LOAD_SETTINGS,
  formatPhaseSummary,
  PhaseProgress,
  resolveScaleProfile,
  runScale,
  SILENT_PROGRESS,
} from '@securities/scale-generator';
import { DataSource } from 'typeorm';
import { generateAndLoadBaseSet } from './generate-and-load-base-set';

/** The scale profile a new platform gets, so tick and daily-price queries have data at once. */
export const FIRST_RUN_SCALE_PROFILE = 'tiny';

export interface BootstrapOptions {
  log: (message: string) => void;
  progress?: PhaseProgress;
}

export interface BootstrapResult {
  migrations: string[];
  /** What this run generated: nothing once the platform has its data. */
  generated: { baseSet: boolean; scaleProfile?: string };
}

async function isEmpty(db: DataSource, table: string): Promise<boolean> {
  const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
  return empty;
}

/**
 * Everything the platform needs before the API serves, as the owner role: the server (the
 * embedded one when nothing is configured), every migration and, on the first run only, the base
 * set (seed 42) and the tiny scale profile. Data already there is never touched. An embedded
 * server it started keeps running until the caller's shutdown cleanups stop it.
 */
export async function bootstrapDatabase(
  config: AppConfig,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  const { log } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  const { server, dataSource: db } = await openOwnerDatabase(config, {
    log,
    settings: BULK_LOAD_SETTINGS,
    applicationName: 'securities-bootstrap',
    poolSize: 4,
  });
  try {
    const migrations = (await migrateUp(db)).map((migration) => migration.name);
    log(migrations.length ? `Applied ${migrations.length} migration(s).` : 'Schema is up to date.');
    for (const change of await applyConfiguredSettings(db, config, server.connection)) log(change);
    const generated: BootstrapResult['generated'] = { baseSet: false };
    const loadBaseSet = async (seed: number) => {
      log(`First run: generating and loading the base data set (seed ${seed}).`);
      const loaded = await generateAndLoadBaseSet({ dataSource: db, seed, progress });
      log(`Loaded ${loaded.totalRows} rows into ${loaded.tables.length} tables.`);
      generated.baseSet = true;
    };
    if (await isEmpty(db, 'securities_master')) await loadBaseSet(DEFAULT_BASE_SEED);
    if (await isEmpty(db, 'tick_data')) {
      const profile = resolveScaleProfile(FIRST_RUN_SCALE_PROFILE, { seed: DEFAULT_BASE_SEED });
      log(
        `First run: generating the ${profile.name} scale profile (ticks, daily prices, holdings, trades, quarterly variance).`,
      );
      const phases = await runScale({
        dataSource: db,
        profile,
        ensureBaseSet: loadBaseSet,
        growUniverse: grownUniverseRows,
        progress,
        log,
      });
      log(formatPhaseSummary(phases));
      generated.scaleProfile = profile.name;
    }
    return { migrations, generated };
  } finally {
    await db.destroy();
  }
}
