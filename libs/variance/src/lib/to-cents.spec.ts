import Decimal from 'decimal.js';
import { toCents, VarianceInputError } from '../index';

describe('toCents', () => {
  it('writes exactly two decimal places, padding with zeros', () => {
    expect(toCents(new Decimal('1234.5'))).toBe('1234.50');
    expect(toCents(new Decimal('7'))).toBe('7.00');
    expect(toCents(new Decimal('-0.3'))).toBe('-0.30');
  });

  it('never writes exponent notation, however large or small the amount', () => {
    expect(toCents(new Decimal('1.5e21'))).toBe('1500000000000000000000.00');
    expect(toCents(new Decimal('1e-9'))).toBe('0.00');
  });

  it('rounds half away from zero and writes a rounded-away negative as plain zero', () => {
    expect(toCents(new Decimal('2.345'))).toBe('2.35');
    expect(toCents(new Decimal('-2.345'))).toBe('-2.35');
    expect(toCents(new Decimal('2.355'))).toBe('2.36');
    expect(toCents(new Decimal('-0.004'))).toBe('0.00');
  });

  it('rejects a non-finite amount', () => {
    expect(() => toCents(new Decimal(NaN))).toThrow(VarianceInputError);
  });
});
