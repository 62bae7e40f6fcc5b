import { makeServerDir, freePort } from '../src/testing';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawnDatabaseCli, waitForServerReady } from './cli-process';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return !isAlive(pid);
}

describe('the embedded PostgreSQL server', () => {
  let dir: string;
  let env: Record<string, string | undefined>;
  const dataDir = () => join(dir, 'pgdata');
  const postmasterPid = () =>
    Number(readFileSync(join(dataDir(), 'postmaster.pid'), 'utf8').split('\n')[0]);
  const query = async (sql: string) => {
    const client = new Client({
      host: '127.0.0.1',
      port: Number(env.EMBEDDED_POSTGRES_PORT),
      user: 'securities_user',
      password: 'securities_pass',
      database: 'securities_platform',
    });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    dir = makeServerDir('securities-embedded-');
    env = {
      DATABASE_URL: undefined,
      POSTGRES_HOST: undefined,
      EMBEDDED_POSTGRES_DIR: join(dir, 'pgdata'),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises a data folder on first start, serves the database, and stops on SIGTERM', async () => {
    const server = spawnDatabaseCli(['server'], env);
    await waitForServerReady(server);
    expect(server.output()).toMatch(/Initialising embedded PostgreSQL/);
    const pid = postmasterPid();
    await query('CREATE TABLE survives_restart (id int); INSERT INTO survives_restart VALUES (42)');

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 143, signal: null });
    expect(await waitUntilDead(pid)).toBe(true);
    expect(existsSync(join(dataDir(), 'postmaster.pid'))).toBe(false);
  });

  it('reuses the data folder on the second start (no initdb, data kept) and stops on SIGINT', async () => {
    const server = spawnDatabaseCli(['server'], env);
    await waitForServerReady(server);
    expect(server.output()).not.toMatch(/Initialising/);
    expect(await query('SELECT id FROM survives_restart')).toEqual([{ id: 42 }]);
    const pid = postmasterPid();

    server.child.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 130, signal: null });
    expect(await waitUntilDead(pid)).toBe(true);
  });

  it('cleans up after a process killed with SIGKILL: the next start stops the orphan and takes over', async () => {
    const first = spawnDatabaseCli(['server'], env);
    await waitForServerReady(first);
    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(isAlive(orphan)).toBe(true);

    const second = spawnDatabaseCli(['server'], env);
    await waitForServerReady(second);
    expect(second.output()).toMatch(/left behind by a process that died/);
    expect(await waitUntilDead(orphan)).toBe(true);
    const pid = postmasterPid();
    expect(await query('SELECT id FROM survives_restart')).toEqual([{ id: 42 }]);

    second.child.kill('SIGTERM');
    await second.exited;
    expect(await waitUntilDead(pid)).toBe(true);
  });
});
