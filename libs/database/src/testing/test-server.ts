import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres-server';
import { TEST_SERVER_URL } from './test-engine';

/** Environment variable through which Jest's global setup hands the admin URL to test files. */
export const TEST_ADMIN_URL = 'SECURITIES_TEST_ADMIN_URL';

/** A value the Jest global setup hands to test files through the environment. */
export function fromGlobalSetup(variable: string): string {
  const value = process.env[variable];
  if (!value)
    throw new Error(
      `${variable} is not set: is the Jest globalSetup of @securities/database configured?`,
    );
  return value;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A TCP server on 127.0.0.1 that accepts connections and never answers, as a hung database does.
 * Its sockets are destroyed after 2 s, so close() does not wait on them.
 */
export async function startSilentServer(): Promise<{ port: number; close(): void }> {
  const server = createServer((socket) => setTimeout(() => socket.destroy(), 2_000).unref());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/** A folder the `postgres` system user can reach (mkdtemp makes it 0700, owned by us). */
export function makeServerDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * A test server's data is thrown away with it, so it never has to survive a crash of the
 * operating system, the only crash syncing and full-page writes guard against: a killed server
 * process recovers without them (the page cache keeps what it wrote). Without them, a copy of a
 * dataset (FILE_COPY: a checkpoint, then 1.3 GB for `tiny`) and a template build no longer wait
 * for the disk. The servers that tests kill are their own (startDatabaseServerProcess, or a
 * TimescaleDB cluster of their own), with a user's settings.
 */
const THROW_AWAY_SETTINGS = { fsync: 'off', full_page_writes: 'off' };

/**
 * A PostgreSQL server for one Jest run (or for every run of `npm test`: see
 * tools/testing/with-test-servers.ts): SECURITIES_TEST_SERVER_URL (a `test-<engine>` target's
 * server, or the one `npm test` shares), else DATABASE_URL when set (either must allow CREATE
 * DATABASE and CREATE ROLE), else a throw-away embedded server in a temporary folder on a free
 * port, started with `settings` (without syncing: THROW_AWAY_SETTINGS).
 */
export async function startTestServer(
  settings: Record<string, string> = {},
): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const external = process.env[TEST_SERVER_URL] || process.env.DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const dir = makeServerDir('securities-test-pg-');
  const port = await freePort();
  const server = await startEmbeddedPostgres(
    {
      kind: 'embedded',
      dataDir: join(dir, 'data'),
      port,
      user: 'test_admin',
      password: 'test_admin',
      database: 'postgres',
    },
    { settings: { ...THROW_AWAY_SETTINGS, ...settings } },
  );
  return {
    adminUrl: `postgresql://test_admin:test_admin@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
