import { CORE_TABLE_NAMES, migrateUp } from '@securities/database';
import { createTestDatabase, TestDatabase } from '@securities/database/testing';
import {
  CORPORATE_ACTION_TYPES,
  PORTFOLIO_TYPES,
  RATING_ACTIONS,
  RATING_AGENCIES,
  SECURITY_STATUSES,
  SECURITY_TYPES,
  TRANSACTION_TYPES,
} from '@securities/vocabulary';
import { LoadSchema, readLoadSchema } from '../src';

describe('the load schema is read from the migrated database', () => {
  let db: TestDatabase;
  let schema: LoadSchema;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateUp(db.dataSource);
    const queryRunner = db.dataSource.createQueryRunner();
    try {
      schema = await readLoadSchema(queryRunner, CORE_TABLE_NAMES);
    } finally {
      await queryRunner.release();
    }
  });
  afterAll(() => db.drop());

  it('orders the 13 core tables so that every referenced table comes first', () => {
    expect(schema.order).toEqual([
      'issuer',
      'securities_master',
      'portfolio',
      'holdings_period_1',
      'holdings_period_2',
      'pricing_period_1',
      'pricing_period_2',
      'transactions',
      'fx_rates',
      'credit_ratings',
      'corporate_actions',
      'risk_metrics',
      'variance_summary',
    ]);
    for (const table of schema.tables.values()) {
      for (const fk of table.foreignKeys) {
        expect(schema.order.indexOf(fk.referencedTable)).toBeLessThan(
          schema.order.indexOf(table.name),
        );
      }
    }
  });

  it('lists every column in table order with its type', () => {
    const portfolio = schema.tables.get('portfolio');
    expect(portfolio?.columns.map((c) => [c.name, c.dataType, c.maxLength, c.nullable])).toEqual([
      ['portfolio_id', 'character varying', 16, false],
      ['portfolio_name', 'character varying', 200, false],
      ['portfolio_type', 'character varying', 20, false],
      ['benchmark', 'character varying', 100, false],
      ['inception_date', 'date', null, false],
      ['currency', 'character', 3, false],
    ]);
    const weight = schema.tables.get('holdings_period_1')?.columns.find((c) => c.name === 'weight');
    expect(weight).toMatchObject({ dataType: 'numeric', precision: 12, scale: 10 });
  });

  it("reads every CHECK (... IN ...) list back as the schema's value lists", () => {
    const allowed = (table: string, column: string) =>
      schema.tables.get(table)?.columns.find((c) => c.name === column)?.allowedValues;
    expect(allowed('securities_master', 'security_type')).toEqual(SECURITY_TYPES);
    expect(allowed('securities_master', 'status')).toEqual(SECURITY_STATUSES);
    expect(allowed('portfolio', 'portfolio_type')).toEqual(PORTFOLIO_TYPES);
    expect(allowed('transactions', 'txn_type')).toEqual(TRANSACTION_TYPES);
    expect(allowed('credit_ratings', 'agency')).toEqual(RATING_AGENCIES);
    expect(allowed('credit_ratings', 'action')).toEqual(RATING_ACTIONS);
    expect(allowed('corporate_actions', 'action_type')).toEqual(CORPORATE_ACTION_TYPES);
    const listed = [...schema.tables.values()].flatMap((t) =>
      t.columns.filter((c) => c.allowedValues).map((c) => `${t.name}.${c.name}`),
    );
    expect(listed).toHaveLength(7);
  });

  it('knows unique indexes as well as primary keys (idx_sm_isin is only an index)', () => {
    const keys = schema.tables.get('securities_master')?.uniqueKeys.map((k) => k.columns);
    expect(keys).toEqual([['security_id'], ['cusip'], ['isin'], ['sedol']]);
  });

  it('keeps CHECK constraints across columns for mapping COPY errors', () => {
    const bar = schema.tables
      .get('pricing_period_1')
      ?.checks.find((c) => c.name === 'pricing_period_1_bar_check');
    expect(bar?.columns).toEqual(
      expect.arrayContaining(['open_price', 'high_price', 'low_price', 'close_price', 'vwap']),
    );
  });
});
