import { workspaceRoot } from '@securities/database';
import { freePort, killServerHard } from '@securities/database/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The shared builds' folder, found as .ci/run finds it. */
function sharedDir(): string {
  const configured = process.env.SECURITIES_SHARED_DIR;
  if (configured) return resolve(workspaceRoot, configured);
  const besideRepository = join(workspaceRoot, '..', 'shared');
  return existsSync(besideRepository) ? besideRepository : '/work/shared';
}

const startClusterScript = () => join(sharedDir(), 'timescaledb', 'start-cluster');

/** Why this machine cannot give a test a TimescaleDB cluster of its own; undefined when it can. */
export function ownTimescaleClusterUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'a TimescaleDB cluster of its own needs root';
  const script = startClusterScript();
  if (!existsSync(script))
    return `${script} not found (set SECURITIES_SHARED_DIR to the folder holding timescaledb/)`;
  return undefined;
}

/**
 * A Debian PostgreSQL 15 cluster with TimescaleDB preloaded, of a test's own (never the shared one
 * on 5434, which other suites use), so the test may kill and restart it.
 */
export interface OwnTimescaleCluster {
  name: string;
  /** Superuser URL of `database` on the cluster. */
  url(database: string): string;
  /** SIGKILL to the postmaster and every backend, as a power cut would. */
  killHard(): void;
  /** Starts it again (crash recovery when it was killed), ready for connections. */
  restart(): Promise<void>;
  /** Stops and deletes it, data and configuration. */
  drop(): Promise<void>;
}

/**
 * Resolves once none of `pids` is left, not even as a zombie: the cluster's postmaster is a child
 * of PID 1, which may reap it late, and a new postmaster refuses to start while the old one's pid,
 * named in the socket lock file, still answers.
 */
async function untilGone(pids: number[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = pids.filter((pid) => existsSync(`/proc/${pid}`));
    if (left.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`the killed server's processes ${left.join(', ')} are still there`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startOwnTimescaleCluster(prefix: string): Promise<OwnTimescaleCluster> {
  const name = `${prefix}_${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  const drop = async () => {
    await run('pg_dropcluster', ['--stop', '15', name]);
    // A server that died unstopped leaves its socket lock and Debian's pid file behind.
    for (const leftover of [`.s.PGSQL.${port}`, `.s.PGSQL.${port}.lock`, `15-${name}.pid`])
      rmSync(join('/var/run/postgresql', leftover), { force: true });
  };
  let dataDir: string;
  let killed: number[] = [];
  try {
    await run(startClusterScript(), [String(port), name]);
    const admin = new Client({ connectionString: url('postgres') });
    await admin.connect();
    try {
      dataDir = (await admin.query('SHOW data_directory')).rows[0].data_directory;
    } finally {
      await admin.end();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return {
    name,
    url,
    killHard: () => {
      killed = killServerHard(dataDir);
    },
    async restart() {
      await untilGone(killed);
      await run('pg_ctlcluster', ['15', name, 'start']);
      await run('/usr/lib/postgresql/15/bin/pg_isready', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-t',
        '60',
      ]);
    },
    drop,
  };
}
