import { freePort, makeServerDir } from '@securities/database/testing';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnScale } from './support/scale-cli';

describe('a scale run with an option it cannot honour', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeServerDir('securities-scale-bad-option-');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is refused at once (the README's old --securities=50 example): message, exit 1, nothing started or written", async () => {
    const dataDir = join(dir, 'pgdata');
    const cli = spawnScale(
      ['--profile', 'small', '--securities', '50', '--from', '2024-01-01', '--to', '2024-12-31'],
      {
        DATABASE_URL: undefined,
        POSTGRES_HOST: undefined,
        EMBEDDED_POSTGRES_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
      },
    );
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.output()).toBe(
      "generator: --securities: at least 120 (got 50): the portfolios hold the base set's 120 securities, and each needs its daily bars\n",
    );
    // Not even the embedded server was started: its data folder does not exist.
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
