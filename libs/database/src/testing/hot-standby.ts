import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ConnectionSettings } from '../embedded/connection-settings';
import { OWNER_FILE } from '../embedded/embedded-postgres-server';

/**
 * What a base backup leaves out (PostgreSQL's "Backing Up the Data Directory"): the running
 * server's own files, and folders whose content is rebuilt at start (kept, empty).
 */
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', OWNER_FILE]);
const EMPTIED_FOLDERS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** Settings given on the primary's command line that must not follow it to the standby. */
const OWN_SETTINGS = new Set([
  'port',
  'listen_addresses',
  'data_directory',
  'config_file',
  'hba_file',
  'ident_file',
]);
const SERVER_LOG_LINES = 40;

export interface HotStandbyOptions {
  /** A superuser on the primary (a base backup and a replication slot need one). */
  primary: ConnectionSettings;
  /** The standby's data folder, created here (its parent must exist). */
  dataDir: string;
  port: number;
}

export interface HotStandby {
  /** `primary`'s role and database, on the standby. */
  connection: ConnectionSettings;
  /** Starts the standby (again, after `stop`); resolves once it accepts read-only connections. */
  start(): Promise<void>;
  /** Fast shutdown: its connections are cut, as when a replica goes away. */
  stop(): Promise<void>;
  /** Waits until it has replayed all the WAL the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  /** Stops it, drops its replication slot on the primary and deletes its folder. */
  remove(): Promise<void>;
}

async function withClient<T>(
  connection: ConnectionSettings,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ ...connection, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Copies a live data folder; files that vanish while it runs (temporary ones) are skipped. */
function copyDataFolder(from: string, to: string, top = true): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(from)) {
    if (top && SKIPPED_FILES.has(name)) continue;
    const source = join(from, name);
    const target = join(to, name);
    try {
      const stat = lstatSync(source);
      if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
      else if (stat.isDirectory()) {
        if (top && EMPTIED_FOLDERS.has(name)) mkdirSync(target, { mode: 0o700 });
        else copyDataFolder(source, target, false);
      } else copyFileSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function conninfo(connection: ConnectionSettings, applicationName: string): string {
  const quote = (value: string | number) => `'${String(value).replace(/[\\']/g, '\\$&')}'`;
  return [
    `host=${quote(connection.host)}`,
    `port=${quote(connection.port)}`,
    `user=${quote(connection.user)}`,
    `password=${quote(connection.password)}`,
    `application_name=${quote(applicationName)}`,
  ].join(' ');
}

const settingLine = (name: string, value: string) => `${name} = '${value.replace(/'/g, "''")}'\n`;

/**
 * A streaming hot standby of a running PostgreSQL server on this machine, from the same binaries
 * (the primary's own executable): a base backup taken with pg_backup_start / pg_backup_stop and a
 * file copy (no pg_basebackup needed: the embedded server ships without it), then
 * `standby.signal`, `primary_conninfo` and a physical replication slot, so the primary keeps the
 * WAL the standby has not received yet. The standby runs as the owner of the primary's folder
 * (the `postgres` user when we are root), with the primary's command-line settings.
 */
export async function createHotStandby(options: HotStandbyOptions): Promise<HotStandby> {
  const { primary, dataDir, port } = options;
  const slot = `standby_${port}`;
  const { primaryDir, binary, settings } = await withClient(primary, async (client) => {
    const { rows } = await client.query(
      `SELECT current_setting('data_directory') AS dir, current_setting('wal_level') AS wal_level`,
    );
    if (rows[0].wal_level === 'minimal')
      throw new Error('the primary runs with wal_level = minimal: it cannot feed a standby');
    const commandLine = await client.query(
      `SELECT name, setting FROM pg_settings WHERE source = 'command line'`,
    );
    const dir = rows[0].dir as string;
    const postmasterPid = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0];
    await client.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    try {
      await client.query(`SELECT pg_backup_start($1, true)`, [slot]);
      copyDataFolder(dir, dataDir);
      const {
        rows: [backup],
      } = await client.query('SELECT labelfile, spcmapfile FROM pg_backup_stop(true)');
      writeFileSync(join(dataDir, 'backup_label'), backup.labelfile);
      if (backup.spcmapfile) writeFileSync(join(dataDir, 'tablespace_map'), backup.spcmapfile);
    } catch (error) {
      await client.query('SELECT pg_drop_replication_slot($1)', [slot]).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
    return {
      primaryDir: dir,
      binary: readlinkSync(`/proc/${postmasterPid}/exe`),
      settings: (commandLine.rows as { name: string; setting: string }[]).filter(
        ({ name }) => !OWN_SETTINGS.has(name),
      ),
    };
  });
  writeFileSync(join(dataDir, 'standby.signal'), '');
  writeFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    settingLine('primary_conninfo', conninfo(primary, slot)) +
      settingLine('primary_slot_name', slot) +
      settingLine('hot_standby', 'on'),
    { flag: 'a' },
  );
  const owner = statSync(primaryDir);
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
  chmodSync(dataDir, 0o700);

  const connection = { ...primary, port };
  let server: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const serverLog: string[] = [];

  const start = async () => {
    const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
    for (const { name, setting } of settings) args.push('-c', `${name}=${setting}`);
    const child = spawn(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(process.getuid?.() === 0 && { uid: owner.uid, gid: owner.gid }),
    });
    const remember = (chunk: Buffer) => {
      serverLog.push(...chunk.toString().trim().split('\n'));
      serverLog.splice(0, Math.max(0, serverLog.length - SERVER_LOG_LINES));
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    server = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null)
        throw new Error(`the standby on port ${port} stopped:\n${serverLog.join('\n')}`);
      try {
        const [{ standby }] = await withClient(connection, async (client) => {
          const { rows } = await client.query('SELECT pg_is_in_recovery() AS standby');
          return rows;
        });
        if (!standby) throw new Error(`the server on port ${port} is not in recovery`);
        return;
      } catch (error) {
        if (attempt >= 600) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };

  const stop = async () => {
    if (server && server.exitCode === null) server.kill('SIGINT');
    await exited;
    server = undefined;
  };

  const catchUp = async (timeoutMs = 120_000) => {
    const lsn = await withClient(primary, async (client) => {
      const { rows } = await client.query('SELECT pg_current_wal_lsn()::text AS lsn');
      return rows[0].lsn as string;
    });
    const deadline = Date.now() + timeoutMs;
    await withClient(connection, async (client) => {
      for (;;) {
        const { rows } = await client.query(
          'SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1) >= 0 AS replayed',
          [lsn],
        );
        if (rows[0].replayed) return;
        if (Date.now() > deadline)
          throw new Error(`the standby on port ${port} did not replay up to ${lsn} in time`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  };

  const remove = async () => {
    await stop();
    await withClient(primary, (client) =>
      client.query(
        'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
        [slot],
      ),
    ).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await remove();
    throw error;
  }
  return { connection, start, stop, catchUp, remove };
}
