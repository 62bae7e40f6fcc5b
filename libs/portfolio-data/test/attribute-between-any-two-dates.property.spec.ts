import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import fc from 'fast-check';
import { attributeBetween } from '../src';
import { inCents } from './support/attribution-rows';

const cents = (amount: string) => BigInt(amount.replace('.', ''));

describe('attributeBetween between random trading days of the tiny set', () => {
  let db: TestDatabase;
  let days: string[];
  let portfolios: string[];

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
    days = (
      await db.dataSource.query(
        'SELECT DISTINCT as_of_date::text AS day FROM holdings_history ORDER BY 1',
      )
    ).map((row: { day: string }) => row.day);
    portfolios = (
      await db.dataSource.query('SELECT portfolio_id FROM portfolio ORDER BY portfolio_id')
    ).map((row: { portfolio_id: string }) => row.portfolio_id);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db?.drop());

  /** market_value of each position held on a day, as holdings_history stores it. */
  async function heldOn(portfolioId: string, day: string): Promise<Map<string, string>> {
    const rows: { security_id: string; market_value: string }[] = await db.dataSource.query(
      `SELECT security_id, market_value::text FROM holdings_history
       WHERE portfolio_id = $1 AND as_of_date = $2`,
      [portfolioId, day],
    );
    return new Map(rows.map((row) => [row.security_id, row.market_value]));
  }

  it('adds up on every row (mv_end - mv_start = price + qty + fx + corp = total_pnl) and starts and ends at the holdings', async () => {
    expect(days).toHaveLength(65);
    const datePairs = fc
      .tuple(fc.nat({ max: days.length - 1 }), fc.nat({ max: days.length - 1 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [days[Math.min(a, b)], days[Math.max(a, b)]] as const);
    await fc.assert(
      fc.asyncProperty(
        datePairs,
        fc.constantFrom(...portfolios),
        async ([from, to], portfolioId) => {
          const rows = inCents(await attributeBetween(db.dataSource, { from, to, portfolioId }));
          for (const row of rows) {
            const effects =
              cents(row.price_effect) +
              cents(row.qty_effect) +
              cents(row.fx_effect) +
              cents(row.corp_action_effect);
            expect(cents(row.mv_end) - cents(row.mv_start)).toBe(cents(row.total_pnl));
            expect(effects).toBe(cents(row.total_pnl));
          }
          // The independent side: what holdings_history says the positions were worth on both days.
          const [start, end] = await Promise.all([
            heldOn(portfolioId, from),
            heldOn(portfolioId, to),
          ]);
          const held = new Set([...start.keys(), ...end.keys()]);
          expect(rows.map((row) => row.security_id).sort()).toEqual([...held].sort());
          for (const row of rows) {
            expect(row.mv_start).toBe(start.get(row.security_id) ?? '0.00');
            expect(row.mv_end).toBe(end.get(row.security_id) ?? '0.00');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
