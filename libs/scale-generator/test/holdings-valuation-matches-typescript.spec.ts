import {
  createTestDatabase,
  TEST_DATASET_TIMEOUT_MS,
  TestDatabase,
} from '@securities/database/testing';
import { ExactDecimal, marketValueUsd, weightsSummingToOne } from '@securities/variance';
import { priceFactorOf } from '@securities/vocabulary';

interface ValuedHolding {
  portfolio_id: string;
  as_of_date: string;
  security_id: string;
  security_type: string;
  quantity: string;
  close_price: string;
  fx: string;
  market_value: string;
  weight: string;
}

/**
 * The scale set values its holdings in SQL (holdings-phase.ts); the rule's source is TypeScript,
 * marketValueUsd and weightsSummingToOne in @securities/variance. Every row of the tiny dataset's
 * holdings_history must be what the TypeScript gives from the same stored inputs.
 */
describe('holdings_history is valued and weighted by the TypeScript rule', () => {
  let db: TestDatabase;
  let rows: ValuedHolding[];

  beforeAll(async () => {
    db = await createTestDatabase({}, { dataset: 'tiny', readOnly: true });
    rows = await db.dataSource.query(`
      SELECT h.portfolio_id, h.as_of_date::text, h.security_id, m.security_type,
             h.quantity::text, p.close_price::text,
             CASE WHEN m.currency = 'USD' THEN '1' ELSE x.rate::text END AS fx,
             h.market_value::text, h.weight::text
      FROM holdings_history h
      JOIN securities_master m USING (security_id)
      JOIN pricing_history p ON p.security_id = h.security_id AND p.price_date = h.as_of_date
      LEFT JOIN fx_rates x ON x.from_currency = m.currency AND x.to_currency = 'USD'
                          AND x.rate_date = h.as_of_date
      ORDER BY h.portfolio_id, h.as_of_date, h.security_id`);
  }, TEST_DATASET_TIMEOUT_MS);
  afterAll(() => db.drop());

  it('reads a whole tiny run of holdings', () => {
    expect(rows.length).toBe(13_000);
  });

  it('stores market value = marketValueUsd(quantity, close, price factor, FX) on every row', () => {
    const differing = rows.filter(
      (row) =>
        marketValueUsd(
          row.quantity,
          row.close_price,
          priceFactorOf(row.security_type),
          row.fx,
        ).toFixed(2) !== row.market_value,
    );
    expect(differing).toEqual([]);
  });

  it("stores each portfolio-day's weights as weightsSummingToOne of its market values", () => {
    const books = new Map<string, ValuedHolding[]>();
    for (const row of rows) {
      const key = `${row.portfolio_id} ${row.as_of_date}`;
      books.set(key, [...(books.get(key) ?? []), row]);
    }
    const differing: string[] = [];
    for (const [key, book] of books) {
      const weights = weightsSummingToOne(book.map((row) => new ExactDecimal(row.market_value)));
      book.forEach((row, i) => {
        if (weights[i].toFixed(10) !== row.weight)
          differing.push(
            `${key} ${row.security_id}: ${row.weight}, rule ${weights[i].toFixed(10)}`,
          );
      });
    }
    expect(books.size).toBeGreaterThan(100);
    expect(differing).toEqual([]);
  });
});
