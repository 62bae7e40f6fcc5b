import {
  AppConfig,
  detectTickStorage,
  installedTickStorage,
  isCitusDatabase,
} from '@securities/database';
import { statfs } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { planScale } from '../profiles/plan-scale';
import { ScaleProfile } from '../profiles/scale-profiles';
import { SCALE_RUN_TABLES, tableBytes } from '../report/table-bytes';
import { estimateDisk, formatBytes } from './disk-estimate';

/** A run that would not fit on the database's disk; nothing has been written. */
export class DiskSpaceError extends Error {
  override name = 'DiskSpaceError';
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

export const STORAGE_LABELS = {
  partitions: 'plain partitions',
  timescaledb: 'TimescaleDB, compressed',
} as const;

/** Where the database's files are: its tablespace, else the server's data directory. */
async function databaseDirectory(db: DataSource): Promise<string | undefined> {
  const [row] = await db.query(
    `SELECT nullif(pg_tablespace_location(d.dattablespace), '') AS tablespace,
            (SELECT setting FROM pg_settings WHERE name = 'data_directory') AS data_directory
     FROM pg_database d WHERE d.datname = current_database()`,
  );
  return row.tablespace ?? row.data_directory ?? undefined;
}

/** What the run's tables hold now: a resumed run keeps it, another profile's run frees it. */
async function scaleTablesBytes(db: DataSource): Promise<number> {
  let total = 0;
  for (const table of SCALE_RUN_TABLES) {
    const [{ exists }] = await db.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
    if (exists) total += await tableBytes(db, table);
  }
  return total;
}

/**
 * Before anything is written: the run's peak disk (estimated for the path this server takes)
 * less what its tables already hold, plus room for its WAL (up to max_wal_size), against the free space of
 * the filesystem holding the database. Too little throws a DiskSpaceError naming the profile, the
 * estimate and the free space; a server elsewhere, or one whose directory this process cannot
 * see or may not read, is reported and not checked. Returns the line to print.
 */
export async function checkDiskSpace(
  db: DataSource,
  config: AppConfig,
  profile: ScaleProfile,
): Promise<string> {
  const [{ migrated }] = await db.query(`SELECT to_regclass('tick_data') IS NOT NULL AS migrated`);
  const storage = migrated ? await installedTickStorage(db) : await detectTickStorage(db);
  const estimate = estimateDisk(planScale(profile))[storage];
  const [{ wal }] = await db.query(
    `SELECT pg_size_bytes(current_setting('max_wal_size'))::bigint AS wal`,
  );
  const toWrite = Math.max(0, estimate.peakBytes - (await scaleTablesBytes(db)));
  // WAL kept between checkpoints grows up to max_wal_size, but a bulk load writes about its own
  // size of WAL: a tiny run on a server allowing 8 GB does not need 8 GB more.
  const walBytes = Math.min(Number(wal), toWrite);
  const needed = toWrite + walBytes;
  const need = `about ${formatBytes(needed)} (${STORAGE_LABELS[storage]}: ${formatBytes(estimate.peakBytes)} at the peak, ${formatBytes(estimate.finalBytes)} at the end, with ${formatBytes(walBytes)} of WAL)`;
  if (await isCitusDatabase(db)) {
    const [{ workers }] = await db.query(
      `SELECT count(*)::int AS workers FROM pg_dist_node
       WHERE groupid <> 0 AND isactive AND noderole = 'primary'`,
    );
    return `Disk check skipped: on Citus the shards are on the ${workers} workers' disks, not the coordinator's; profile ${profile.name} needs ${need} in all, about ${formatBytes(needed / Math.max(1, workers))} on each worker.`;
  }
  if (config.database.kind === 'external' && !LOCAL_HOSTS.has(config.database.host))
    return `Disk check skipped: the database server is remote (${config.database.host}); profile ${profile.name} needs ${need} there.`;
  const directory = await databaseDirectory(db);
  if (!directory)
    return `Disk check skipped: this role may not read the server's data_directory (pg_read_all_settings); profile ${profile.name} needs ${need}.`;
  let free: number;
  try {
    const stats = await statfs(directory);
    free = stats.bavail * stats.bsize;
  } catch {
    return `Disk check skipped: the server's directory ${directory} is not visible from here (another machine or a container?); profile ${profile.name} needs ${need}.`;
  }
  if (needed > free)
    throw new DiskSpaceError(
      `profile ${profile.name} needs ${need} on the database's disk, but ${directory} has ${formatBytes(free)} free. Nothing was written: free some space or pick a smaller profile (--plan shows the estimates; --skip-disk-check runs anyway).`,
    );
  return `Disk: profile ${profile.name} needs ${need}; ${directory} has ${formatBytes(free)} free.`;
}
