import { buildDataSourceOptions, isDatabaseUnavailable, loadConfig } from '@securities/database';
import { freePort, startSilentServer } from '@securities/database/testing';
import { DataSource } from 'typeorm';

/** The error a real connection attempt of the API's kind ends with, against a given port. */
async function connectionError(port: number): Promise<unknown> {
  const source = new DataSource(
    buildDataSourceOptions(
      loadConfig({}),
      { host: '127.0.0.1', port, database: 'none', user: 'none', password: 'none' },
      { poolSize: 1, connectTimeoutMs: 300, queueTimeoutMs: 10_000 },
    ),
  );
  return source.initialize().then(
    () => new Error('connected to a server that should not exist'),
    (error: unknown) => error,
  );
}

describe('what counts as "the database is unavailable" (503, not 500)', () => {
  let silent: { port: number; close(): void };
  let closedPort: number;

  beforeAll(async () => {
    silent = await startSilentServer();
    closedPort = await freePort();
  });
  afterAll(() => silent.close());

  it('a server that accepts and never answers: the connect timeout', async () => {
    expect(isDatabaseUnavailable(await connectionError(silent.port))).toBe(true);
  });

  it('no server on the port: connection refused', async () => {
    expect(isDatabaseUnavailable(await connectionError(closedPort))).toBe(true);
  });

  it('a fault of the program is not', () => {
    expect(
      isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false);
    expect(
      isDatabaseUnavailable({ code: '42601', message: 'syntax error at or near "SELEC"' }),
    ).toBe(false);
  });
});
