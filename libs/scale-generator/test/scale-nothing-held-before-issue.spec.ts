import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';

/**
 * The prepared `three-months` run (the base set's 120 securities over 2021-09-29 .. 2021-11-01) is
 * the one that reaches securities issued after its start: the base set's options, futures and
 * some of its bonds, ABS and CLOs are issued in 2021-24 (`tiny` starts after every issue date).
 */
describe('a scale run trades and holds nothing before its issue date', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'three-months', readOnly: true });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  const one = async (sql: string) => (await db.dataSource.query(sql))[0];

  it('prices securities issued after its first day, so the case arises', async () => {
    const { issuedLater } = await one(`
      SELECT count(DISTINCT p.security_id)::int AS "issuedLater"
      FROM pricing_history p JOIN securities_master m USING (security_id)
      WHERE m.issue_date > (SELECT min(price_date) FROM pricing_history)`);
    expect(issuedLater).toBeGreaterThan(0);
  });

  it('writes no transaction and no holding dated before the security is issued', async () => {
    expect(
      await one(`SELECT
        (SELECT count(*) FROM transactions t JOIN securities_master m USING (security_id)
         WHERE t.txn_date < m.issue_date)::int AS trades,
        (SELECT count(*) FROM holdings_history h JOIN securities_master m USING (security_id)
         WHERE h.as_of_date < m.issue_date)::int AS holdings`),
    ).toEqual({ trades: 0, holdings: 0 });
  });

  it('accrues no negative interest', async () => {
    expect(
      await one(
        'SELECT count(*)::int AS negative FROM holdings_history WHERE accrued_interest < 0',
      ),
    ).toEqual({ negative: 0 });
  });
});
