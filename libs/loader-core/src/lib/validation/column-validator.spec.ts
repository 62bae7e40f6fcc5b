import { ColumnSchema } from '../schema/load-schema.types';
import { columnValidator, keyForm } from './column-validator';

const column = (overrides: Partial<ColumnSchema>): ColumnSchema => ({
  name: 'c',
  dataType: 'character varying',
  maxLength: null,
  precision: null,
  scale: null,
  nullable: true,
  ...overrides,
});

describe('column validator', () => {
  it('rejects an empty field in a NOT NULL column and accepts it in a nullable one', () => {
    expect(columnValidator(column({ nullable: false }))(null)).toBe(
      'is empty, but the column is NOT NULL',
    );
    expect(columnValidator(column({ dataType: 'numeric', precision: 8, scale: 4 }))(null)).toBe(
      undefined,
    );
  });

  it('checks the type first, then the listed values', () => {
    const status = columnValidator(column({ maxLength: 10, allowedValues: ['ACTIVE', 'MATURED'] }));
    expect(status('ACTIVE')).toBeUndefined();
    expect(status('CANCELLED_X')).toMatch(/11 characters long/);
    expect(status('DELISTED')).toBe("'DELISTED' is not one of ACTIVE, MATURED");
  });

  it('leaves types it does not know to the database', () => {
    expect(columnValidator(column({ dataType: 'jsonb' }))('{not json')).toBeUndefined();
  });
});

describe('key form', () => {
  it('compares keys as PostgreSQL does', () => {
    expect(keyForm(column({ dataType: 'integer' }), '007')).toBe('7');
    expect(keyForm(column({ dataType: 'numeric' }), '-0012.500')).toBe('-12.5');
    expect(keyForm(column({ dataType: 'numeric' }), '-0.00')).toBe('0');
    expect(keyForm(column({ dataType: 'character' }), 'AB  ')).toBe('AB');
    expect(keyForm(column({ dataType: 'character varying' }), 'AB  ')).toBe('AB  ');
  });
});
