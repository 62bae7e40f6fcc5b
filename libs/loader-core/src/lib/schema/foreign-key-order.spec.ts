import { orderByForeignKeys } from './foreign-key-order';

describe('foreign-key load order', () => {
  it('puts referenced tables first and otherwise keeps the given order', () => {
    expect(
      orderByForeignKeys(
        ['holdings', 'portfolio', 'security', 'issuer'],
        [
          { table: 'holdings', referencedTable: 'security' },
          { table: 'holdings', referencedTable: 'portfolio' },
          { table: 'security', referencedTable: 'issuer' },
        ],
      ),
    ).toEqual(['portfolio', 'issuer', 'security', 'holdings']);
  });

  it('ignores self-references and tables outside the list', () => {
    expect(
      orderByForeignKeys(
        ['a', 'b'],
        [
          { table: 'a', referencedTable: 'a' },
          { table: 'b', referencedTable: 'elsewhere' },
        ],
      ),
    ).toEqual(['a', 'b']);
  });

  it('refuses a cycle', () => {
    expect(() =>
      orderByForeignKeys(
        ['a', 'b', 'c'],
        [
          { table: 'a', referencedTable: 'b' },
          { table: 'b', referencedTable: 'a' },
        ],
      ),
    ).toThrow('Foreign keys form a cycle between a, b: no load order exists');
  });
});
