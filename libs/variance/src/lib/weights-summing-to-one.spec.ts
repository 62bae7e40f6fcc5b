import { ExactDecimal } from './exact-decimal';
import { weightsSummingToOne } from './weights-summing-to-one';

const weights = (...values: string[]) =>
  weightsSummingToOne(values.map((value) => new ExactDecimal(value))).map((weight) =>
    weight.toFixed(10),
  );

describe('weightsSummingToOne', () => {
  it('gives each holding its share of the total when the shares are exact', () => {
    expect(weights('25.00', '75.00')).toEqual(['0.2500000000', '0.7500000000']);
  });

  it('puts the rounding residual on the largest holding, so the weights add up to exactly 1', () => {
    // Thirds round to 0.3333333333 each, 0.0000000001 short of 1: the largest holding takes it.
    expect(weights('100.00', '100.00', '100.01')).toEqual([
      '0.3333222226',
      '0.3333222226',
      '0.3333555548',
    ]);
    const thirds = weights('1.00', '1.00', '1.00');
    expect(thirds).toEqual(['0.3333333334', '0.3333333333', '0.3333333333']);
  });

  it('weights a short negatively, the longs summing to more than 1', () => {
    expect(weights('150.00', '-50.00')).toEqual(['1.5000000000', '-0.5000000000']);
  });
});
