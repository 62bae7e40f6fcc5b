import { TEST_DATASET_TIMEOUT_MS } from '@securities/database/testing';
import { DataSource } from 'typeorm';
import { ApiTestContext, startApiWithBaseData } from './api-test-context';

describe("the API's database role can only read", () => {
  let ctx: ApiTestContext;
  beforeAll(async () => (ctx = await startApiWithBaseData()), TEST_DATASET_TIMEOUT_MS);
  afterAll(() => ctx.close());

  it('connects as the read-only role', async () => {
    const [{ current_user }] = await ctx.app.get(DataSource).query('SELECT current_user');
    expect(current_user).toBe(ctx.db.config.readonlyRole.user);
  });

  it.each([
    [
      'INSERT',
      `INSERT INTO portfolio VALUES ('PORT-100', 'x', 'Equity', 'x', '2020-01-01', 'USD')`,
    ],
    ['UPDATE', `UPDATE securities_master SET ticker = 'HACKED'`],
    ['DELETE', 'DELETE FROM variance_summary'],
  ])('cannot %s', async (_verb, sql) => {
    await expect(ctx.app.get(DataSource).query(sql)).rejects.toThrow(
      /permission denied|read-only transaction/,
    );
  });
});
