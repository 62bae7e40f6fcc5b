import Decimal from 'decimal.js';
import { corporateActionOf } from './corporate-action-of';
import { rollAverageCost } from './roll-average-cost';

describe('rollAverageCost', () => {
  it('adds the cost of a trade that opens or adds to the position', () => {
    expect(rollAverageCost(new Decimal(1000), 100, 100, new Decimal(12)).toString()).toBe('2200');
    expect(rollAverageCost(new Decimal(0), 0, 10, new Decimal(3)).toString()).toBe('30');
    // Adding to a short: the (negative) book value grows by the sale's proceeds.
    expect(rollAverageCost(new Decimal(-500), -50, -50, new Decimal(11)).toString()).toBe('-1050');
  });

  it('takes out the sold share of the book value, whatever the trade price', () => {
    expect(rollAverageCost(new Decimal(2200), 200, -50, new Decimal(99)).toString()).toBe('1650');
    expect(rollAverageCost(new Decimal(-1050), -100, 25, new Decimal(1)).toString()).toBe('-787.5');
  });
});

describe('corporateActionOf', () => {
  it('reads a corporate_actions row, with the neutral value where a column is empty', () => {
    expect(corporateActionOf('STOCK_SPLIT', '4.000000', null)).toEqual({
      type: 'STOCK_SPLIT',
      ratio: '4.000000',
    });
    expect(corporateActionOf('STOCK_SPLIT', null, null)).toEqual({
      type: 'STOCK_SPLIT',
      ratio: '1',
    });
    expect(corporateActionOf('DIVIDEND', null, '0.12')).toEqual({
      type: 'DIVIDEND',
      amount: '0.12',
    });
    expect(corporateActionOf('COUPON', null, undefined)).toEqual({ type: 'COUPON', amount: '0' });
    expect(corporateActionOf('MATURITY', null, null)).toEqual({ type: 'MATURITY' });
  });
});
