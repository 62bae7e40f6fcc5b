import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { attributeBetween } from '../src';
import { inCents, storedQuarter, storedQuarters, storedSummary } from './support/attribution-rows';

describe('attributeBetween on the tiny set: the stored attributions, to the cent', () => {
  let db: TestDatabase;
  let portfolios: string[];

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
    portfolios = (
      await db.dataSource.query('SELECT portfolio_id FROM portfolio ORDER BY portfolio_id')
    ).map((row: { portfolio_id: string }) => row.portfolio_id);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db?.drop());

  it('equals variance_summary between 2024-12-31 and 2025-03-31 for every portfolio', async () => {
    expect(portfolios).toHaveLength(7);
    for (const portfolioId of portfolios) {
      const rows = await attributeBetween(db.dataSource, {
        from: '2024-12-31',
        to: '2025-03-31',
        portfolioId,
      });
      const stored = await storedSummary(db.dataSource, portfolioId);
      expect(stored.length).toBeGreaterThan(0);
      expect(inCents(rows)).toEqual(stored);
    }
  });

  it('equals every stored quarter of variance_quarterly for every portfolio', async () => {
    const quarters = await storedQuarters(db.dataSource);
    expect(quarters.map((q) => q.quarter_label)).toEqual(portfolios.map(() => '2025Q1'));
    for (const quarter of quarters) {
      const rows = await attributeBetween(db.dataSource, {
        from: quarter.period_from,
        to: quarter.period_to,
        portfolioId: quarter.portfolio_id,
      });
      expect(inCents(rows)).toEqual(
        await storedQuarter(db.dataSource, quarter.portfolio_id, quarter.quarter_label),
      );
    }
  });

  it('attributes every portfolio at once in the order of the one-portfolio answers', async () => {
    const window = { from: '2025-01-15', to: '2025-02-28' };
    const all = await attributeBetween(db.dataSource, window);
    const one = [];
    for (const portfolioId of portfolios) {
      one.push(...(await attributeBetween(db.dataSource, { ...window, portfolioId })));
    }
    expect(inCents(all)).toEqual(inCents(one));
  });
});
