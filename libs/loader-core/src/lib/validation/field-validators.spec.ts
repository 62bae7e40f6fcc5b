import {
  checkDate,
  checkDecimal,
  checkInteger,
  checkLength,
  checkOneOf,
  quoteValue,
} from './field-validators';

describe('field validators', () => {
  describe('checkInteger', () => {
    it.each(['0', '42', '-7', '+3', '2147483647', '-2147483648'])('accepts %s as integer', (v) =>
      expect(checkInteger(v, 'integer')).toBeUndefined(),
    );
    it.each(['12.5', '1e3', 'abc', ' 1', '1 ', '', '--1', '0x1F'])('rejects %p', (v) =>
      expect(checkInteger(v, 'integer')).toBe(`'${v}' is not an integer`),
    );
    it('rejects values out of the range of the column type', () => {
      expect(checkInteger('2147483648', 'integer')).toBe(
        "'2147483648' is out of range for integer (-2147483648 .. 2147483647)",
      );
      expect(checkInteger('40000', 'smallint')).toMatch(/out of range for smallint/);
      expect(checkInteger('2147483648', 'bigint')).toBeUndefined();
      expect(checkInteger('9223372036854775808', 'bigint')).toMatch(/out of range for bigint/);
    });
  });

  describe('checkDecimal', () => {
    it.each([
      ['150000.00', 20, 2],
      ['-1250.5', 20, 2],
      ['0.6000000000', 12, 10],
      ['7', 8, 4],
      ['.5', 8, 4],
      ['5.', 8, 4],
      ['1.23000000', 8, 2], // trailing zeros are not lost precision
      ['0001234.5', 6, 1], // nor are leading zeros
      ['123456789.123', null, null], // numeric without precision
    ])('accepts %s for numeric(%s,%s)', (value, precision, scale) =>
      expect(checkDecimal(value, precision, scale)).toBeUndefined(),
    );
    it.each(['abc', '1,5', '1.2.3', '1e5', 'NaN', 'Infinity', '', ' 1.5', '$12'])(
      'rejects %p as not a decimal',
      (v) => expect(checkDecimal(v, 20, 2)).toBe(`'${v}' is not a decimal number`),
    );
    it('rejects more decimal places than the scale (PostgreSQL would round them away)', () => {
      expect(checkDecimal('1.234', 20, 2)).toBe(
        "'1.234' has 3 decimal places; numeric(20,2) allows 2",
      );
      expect(checkDecimal('4.25001', 8, 4)).toBe(
        "'4.25001' has 5 decimal places; numeric(8,4) allows 4",
      );
    });
    it('rejects more digits before the point than precision - scale allows', () => {
      expect(checkDecimal('12345.0', 8, 4)).toBe(
        "'12345.0' has 5 digits before the decimal point; numeric(8,4) allows 4",
      );
      expect(checkDecimal('-9999.9999', 8, 4)).toBeUndefined();
      expect(checkDecimal('10', 12, 10)).toBeUndefined();
      expect(checkDecimal('100', 12, 10)).toMatch(
        /3 digits before the decimal point; numeric\(12,10\) allows 2/,
      );
    });
  });

  describe('checkDate', () => {
    it.each(['2024-12-31', '2025-03-31', '2024-02-29', '2000-02-29'])('accepts %s', (v) =>
      expect(checkDate(v)).toBeUndefined(),
    );
    it.each(['2025-02-30', '2023-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-00-10'])(
      'rejects %s as not a calendar date',
      (v) => expect(checkDate(v)).toBe(`'${v}' is not a calendar date`),
    );
    it.each(['31/03/2025', '2025-3-31', '20250331', '2025-03-31T00:00:00', 'tomorrow'])(
      'rejects %s as not YYYY-MM-DD',
      (v) => expect(checkDate(v)).toBe(`'${v}' is not a date (expected YYYY-MM-DD)`),
    );
  });

  describe('checkLength', () => {
    it('counts characters, not bytes', () => {
      expect(checkLength('Müller', 6, 'varchar')).toBeUndefined();
      expect(checkLength('USDX', 3, 'char')).toBe("'USDX' is 4 characters long; char(3) allows 3");
    });
  });

  describe('checkOneOf', () => {
    it('lists the allowed values', () => {
      expect(checkOneOf('BOND', ['EQUITY', 'BOND'])).toBeUndefined();
      expect(checkOneOf('STOCK', ['EQUITY', 'BOND'])).toBe("'STOCK' is not one of EQUITY, BOND");
      expect(checkOneOf('equity', ['EQUITY'])).toMatch(/not one of/);
    });
  });

  it('cuts long values short in messages', () => {
    expect(quoteValue('x'.repeat(100))).toBe(`'${'x'.repeat(60)}...'`);
  });
});
