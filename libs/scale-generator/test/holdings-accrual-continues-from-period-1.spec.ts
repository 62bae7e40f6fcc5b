import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';

/**
 * holdings_history on 2024-12-31 is the base snapshot, whose accrued interest counts from each
 * bond's real coupon; the scale run accrues the days around it and must count from the same one.
 * SEC-0071 of the tiny dataset (seed 7) is a EUR bond with an annual coupon on 24 February.
 */
describe('accrued interest of an annual-coupon bond carries on from the base snapshot', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it('is the EUR 2.125% bond due 2034-02-24 the expected days were counted for', async () => {
    expect(
      await db.dataSource.query(
        `SELECT currency, coupon_rate::text, maturity_date::text FROM securities_master
         WHERE security_id = 'SEC-0071'`,
      ),
    ).toEqual([{ currency: 'EUR', coupon_rate: '2.1250', maturity_date: '2034-02-24' }]);
  });

  it('accrues the 30/360 days since 24 February, as the snapshots do, on every day held', async () => {
    // The days each row's accrued interest stands for: accrued / (nominal x coupon% x 0.01 x FX) x 360.
    const rows = (await db.dataSource.query(`
      SELECT h.as_of_date::text AS date,
             array_agg(DISTINCT round(h.accrued_interest * 360 / (h.quantity * m.coupon_rate * 0.01 * x.rate))::int) AS days
      FROM holdings_history h
      JOIN securities_master m USING (security_id)
      JOIN fx_rates x ON x.from_currency = m.currency AND x.to_currency = 'USD' AND x.rate_date = h.as_of_date
      WHERE h.security_id = 'SEC-0071'
        AND h.as_of_date IN ('2024-12-31', '2025-01-01', '2025-01-15', '2025-02-21', '2025-02-24', '2025-03-31')
      GROUP BY h.as_of_date ORDER BY h.as_of_date`)) as { date: string; days: number[] }[];
    // Counted by hand from 24 Feb 2024 (months x 30 + days), and from 24 Feb 2025 after the coupon.
    expect(rows).toEqual([
      { date: '2024-12-31', days: [307] },
      { date: '2025-01-01', days: [307] },
      { date: '2025-01-15', days: [321] },
      { date: '2025-02-21', days: [357] },
      { date: '2025-02-24', days: [0] },
      { date: '2025-03-31', days: [37] },
    ]);
  });
});
