import Decimal from 'decimal.js';
import {
  attributePosition,
  CorporateAction,
  DecimalInput,
  PositionAttributionInput,
  VarianceInputError,
} from '../index';

const validInput: PositionAttributionInput = {
  start: { quantity: '100', price: '10.00', fxRate: '1.10' },
  end: { quantity: '100', price: '11.00', fxRate: '1.12' },
  priceFactor: '1',
  corporateActions: [],
};

function withSnapshotField(
  snapshot: 'start' | 'end',
  field: 'quantity' | 'price' | 'fxRate',
  value: DecimalInput,
): PositionAttributionInput {
  return { ...validInput, [snapshot]: { ...validInput[snapshot], [field]: value } };
}

function withAction(action: CorporateAction): PositionAttributionInput {
  return { ...validInput, corporateActions: [{ type: 'DIVIDEND', amount: '0.10' }, action] };
}

function errorOf(input: PositionAttributionInput): VarianceInputError {
  try {
    attributePosition(input);
  } catch (error) {
    if (error instanceof VarianceInputError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a VarianceInputError, nothing was thrown');
}

describe('attributePosition: invalid input', () => {
  it.each([
    ['an unparsable string', 'abc', 'end.price must be a finite decimal number, got "abc"'],
    ['an empty string', '', 'end.price must be a finite decimal number, got ""'],
    ['a thousands separator', '1,000', 'end.price must be a finite decimal number, got "1,000"'],
    ['a hex string', '0x10', 'end.price must be a finite decimal number, got "0x10"'],
    ['the string NaN', 'NaN', 'end.price must be a finite decimal number, got "NaN"'],
    ['a NaN number', NaN, 'end.price must be a finite decimal number, got NaN'],
    ['an infinite number', Infinity, 'end.price must be a finite decimal number, got Infinity'],
    ['a NaN Decimal', new Decimal(NaN), 'end.price must be a finite decimal number, got NaN'],
    ['a negative price', -3, 'end.price must be > 0, got -3'],
    ['a zero price', '0.0000', 'end.price must be > 0, got 0.0000'],
  ])('rejects %s as end.price', (_case, value, message) => {
    const error = errorOf(withSnapshotField('end', 'price', value));
    expect(error.message).toBe(message);
    expect(error.field).toBe('end.price');
  });

  it.each([
    ['start', 'quantity', 'NaN', 'start.quantity must be a finite decimal number, got "NaN"'],
    ['end', 'quantity', ' 12', 'end.quantity must be a finite decimal number, got " 12"'],
    ['start', 'price', '-101.2500', 'start.price must be > 0, got -101.2500'],
    ['start', 'fxRate', '0', 'start.fxRate must be > 0, got 0'],
    ['end', 'fxRate', -1.2, 'end.fxRate must be > 0, got -1.2'],
  ] as const)('rejects a bad %s.%s', (snapshot, field, value, message) => {
    const error = errorOf(withSnapshotField(snapshot, field, value));
    expect(error.message).toBe(message);
    expect(error.field).toBe(`${snapshot}.${field}`);
  });

  it('rejects a price factor that is not positive', () => {
    expect(errorOf({ ...validInput, priceFactor: 0 }).message).toBe(
      'priceFactor must be > 0, got 0',
    );
  });

  it.each([
    [
      'a zero split ratio',
      { type: 'STOCK_SPLIT', ratio: '0' },
      'corporateActions[1].ratio must be > 0, got 0',
    ],
    [
      'a negative split ratio',
      { type: 'STOCK_SPLIT', ratio: -2 },
      'corporateActions[1].ratio must be > 0, got -2',
    ],
    [
      'a negative dividend',
      { type: 'DIVIDEND', amount: '-0.50' },
      'corporateActions[1].amount must be >= 0, got -0.50',
    ],
    [
      'a negative coupon',
      { type: 'COUPON', amount: -2.5 },
      'corporateActions[1].amount must be >= 0, got -2.5',
    ],
    [
      'an unparsable coupon',
      { type: 'COUPON', amount: 'two' },
      'corporateActions[1].amount must be a finite decimal number, got "two"',
    ],
    [
      'an unknown action type',
      { type: 'SPIN_OFF' } as unknown as CorporateAction,
      'corporateActions[1].type must be one of STOCK_SPLIT, DIVIDEND, COUPON, MATURITY, got "SPIN_OFF"',
    ],
  ] as [string, CorporateAction, string][])('rejects %s', (_case, action, message) => {
    const error = errorOf(withAction(action));
    expect(error).toBeInstanceOf(VarianceInputError);
    expect(error.message).toBe(message);
  });

  it('accepts a zero dividend and a zero quantity', () => {
    expect(() =>
      attributePosition({
        ...withSnapshotField('end', 'quantity', '0'),
        corporateActions: [{ type: 'DIVIDEND', amount: '0' }],
      }),
    ).not.toThrow();
  });

  it('is an Error with its own name, so logs and error filters can tell it apart', () => {
    const error = errorOf(withSnapshotField('start', 'price', 0));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('VarianceInputError');
  });
});
