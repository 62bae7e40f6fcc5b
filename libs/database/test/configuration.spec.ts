import { parse } from 'dotenv';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, workspaceRoot } from '../src';
import { spawnDatabaseCli } from './cli-process';

describe('configuration is validated at start', () => {
  it('uses the seed defaults and the embedded server when no database is configured', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      kind: 'embedded',
      dataDir: '.data/postgres',
      port: 54320,
      database: 'securities_platform',
      user: 'securities_user',
      password: 'securities_pass',
    });
    expect(config.api).toEqual({
      host: '0.0.0.0',
      port: 8000,
      workers: availableParallelism(),
      corsOrigins: ['http://localhost:*', 'http://127.0.0.1:*'],
      responseCacheBytes: 64 * 1024 * 1024,
    });
    expect(config.tickDataRange).toEqual({ from: '2020-01-01', to: '2025-03-31' });
  });

  it('reads the number of API workers', () => {
    expect(loadConfig({ API_WORKERS: '3' }).api.workers).toBe(3);
  });

  it('reads the response cache size in megabytes, 0 turning it off', () => {
    expect(loadConfig({ API_RESPONSE_CACHE_MB: '0' }).api.responseCacheBytes).toBe(0);
    expect(loadConfig({ API_RESPONSE_CACHE_MB: '2' }).api.responseCacheBytes).toBe(2_097_152);
    expect(() => loadConfig({ API_RESPONSE_CACHE_MB: '-1' })).toThrow(/API_RESPONSE_CACHE_MB/);
    expect(() => loadConfig({ API_RESPONSE_CACHE_MB: '1.5' })).toThrow(/API_RESPONSE_CACHE_MB/);
  });

  it('reads the allowed browser origins', () => {
    expect(
      loadConfig({ API_CORS_ORIGINS: 'https://app.example.com, http://localhost:*' }).api
        .corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:*']);
    expect(loadConfig({ API_CORS_ORIGINS: '*' }).api.corsOrigins).toEqual(['*']);
  });

  it('keeps the embedded default with .env.example copied to .env, as the README suggests', () => {
    const example = parse(readFileSync(join(workspaceRoot, '.env.example'), 'utf8'));
    expect(loadConfig(example)).toEqual(loadConfig({}));
    // The external settings are there, commented out: uncommenting POSTGRES_HOST selects one.
    const commented = readFileSync(join(workspaceRoot, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^# (POSTGRES_HOST|POSTGRES_PORT|DATABASE_URL)=/.test(line));
    expect(commented).toHaveLength(3);
  });

  it('uses an external server when POSTGRES_HOST is set', () => {
    expect(
      loadConfig({ POSTGRES_HOST: 'db.internal', POSTGRES_PORT: '6543' }).database,
    ).toMatchObject({
      kind: 'external',
      host: 'db.internal',
      port: 6543,
      database: 'securities_platform',
    });
  });

  it('lets DATABASE_URL win over the POSTGRES_* variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://alice:s%40cret@pg.example:5433/markets',
      POSTGRES_HOST: 'ignored',
      POSTGRES_DB: 'ignored',
    });
    expect(config.database).toEqual({
      kind: 'external',
      host: 'pg.example',
      port: 5433,
      database: 'markets',
      user: 'alice',
      password: 's@cret',
    });
  });

  it("reads the read replicas: host, port (5432) and database (the primary's by default)", () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://alice:secret@primary.example:5433/markets',
      DATABASE_REPLICA_URLS: 'postgresql://replica-1:6432/markets , postgres://replica-2',
    });
    expect(config.replicas).toEqual([
      { host: 'replica-1', port: 6432, database: 'markets' },
      { host: 'replica-2', port: 5432, database: 'markets' },
    ]);
    expect(loadConfig({}).replicas).toEqual([]);
  });

  it.each([
    ['DATABASE_REPLICA_URLS', 'replica-1:5432'],
    ['DATABASE_REPLICA_URLS', 'mysql://replica-1/markets'],
    ['DATABASE_REPLICA_URLS', 'postgresql://owner:secret@replica-1/markets'],
    ['DATABASE_REPLICA_URLS', 'postgresql://replica-1/markets,'],
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['API_PORT', '80.5'],
    ['API_WORKERS', '0'],
    ['API_WORKERS', 'all'],
    ['API_CORS_ORIGINS', 'localhost:3000'],
    ['API_CORS_ORIGINS', 'http://a.example, *'],
    ['POSTGRES_PORT', '0'],
    ['EMBEDDED_POSTGRES_PORT', '5432x'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['DATABASE_URL', 'postgresql://host-without-user-or-db'],
    ['POSTGRES_DB', 'drop table;'],
    ['POSTGRES_READONLY_USER', 'Robert"); --'],
    ['TICK_DATA_FROM', '2020-13-01'],
    ['TICK_DATA_TO', 'yesterday'],
  ])('%s=%s is rejected with a message naming the variable', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${name}`));
  });

  it('rejects a tick range that ends before it starts', () => {
    expect(() => loadConfig({ TICK_DATA_FROM: '2025-01-01', TICK_DATA_TO: '2024-01-01' })).toThrow(
      /TICK_DATA_TO/,
    );
  });

  it('a program with a bad value stops at once, exit code 1, naming the variable', async () => {
    const child = spawnDatabaseCli(['migrate'], {
      API_PORT: 'eighty',
      DATABASE_URL: undefined,
      POSTGRES_HOST: undefined,
    });
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(child.output()).toMatch(
      /^database: Invalid configuration:\n\s+API_PORT: .*\(got "eighty"\)/,
    );
    expect(child.output()).not.toMatch(/Starting embedded PostgreSQL/);
  });
});
