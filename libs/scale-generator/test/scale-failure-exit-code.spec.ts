import { freePort, makeServerDir } from '@securities/database/testing';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnScale } from './support/scale-cli';

describe('a scale run that fails', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeServerDir('securities-scale-failure-');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says why and exits non-zero, also when it started the embedded server itself', async () => {
    // Five securities with ticks cannot price the base set's holdings: the holdings phase refuses.
    const cli = spawnScale(
      ['--profile', 'tiny', '--securities', '5', '--from', '2024-12-31', '--to', '2024-12-31'],
      {
        DATABASE_URL: undefined,
        POSTGRES_HOST: undefined,
        EMBEDDED_POSTGRES_DIR: join(dir, 'pgdata'),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
      },
    );
    const { code } = await cli.exited;
    expect(cli.output()).toMatch(/has no daily bars in this run: --securities must cover/);
    expect(code).toBe(1);
  }, 180_000);
});
