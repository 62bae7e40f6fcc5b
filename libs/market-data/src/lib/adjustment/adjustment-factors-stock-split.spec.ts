import { SEC_0003_SPLIT } from '../../testing/sec-0003-split';
import { actionFactors, adjustmentSchedule, factorsOn } from './adjustment-factors';

const SPLIT = actionFactors(SEC_0003_SPLIT);

describe('a 4-for-1 stock split', () => {
  it('divides earlier prices by 4 and multiplies earlier volumes by 4', () => {
    expect(SPLIT.splitFactor.toString()).toBe('0.25');
    expect(SPLIT.volumeFactor.toString()).toBe('4');
    expect(SPLIT.dividendFactor.toString()).toBe('1');
  });

  it('applies to the bars before the ex-date only', () => {
    const schedule = adjustmentSchedule([SPLIT], 'split');
    expect(factorsOn(schedule, '2025-02-06').price.toString()).toBe('0.25');
    expect(factorsOn(schedule, '2025-02-06').volume.toString()).toBe('4');
    expect(factorsOn(schedule, '2024-12-31').price.toString()).toBe('0.25');
    expect(factorsOn(schedule, '2025-02-07').price.toString()).toBe('1');
    expect(factorsOn(schedule, '2025-03-31').volume.toString()).toBe('1');
  });

  it('leaves no jump: the last close before, adjusted, is in line with the first after', () => {
    const schedule = adjustmentSchedule([SPLIT], 'split');
    // 412.52 before the split is 103.13 in today's shares.
    expect(factorsOn(schedule, '2025-02-06').price.times('412.52').toString()).toBe('103.13');
  });

  it('is ignored by dividend adjustment and by raw', () => {
    expect(adjustmentSchedule([SPLIT], 'dividend')).toEqual([]);
    expect(adjustmentSchedule([SPLIT], 'raw')).toEqual([]);
    expect(factorsOn([], '2025-01-02').price.toString()).toBe('1');
  });

  it('rounds an inexact factor (3-for-1) to 12 decimals, half up', () => {
    const threeForOne = actionFactors({
      actionId: 9,
      actionType: 'STOCK_SPLIT',
      exDate: '2025-02-07',
      ratio: '3',
      amount: null,
      previousClose: null,
    });
    expect(threeForOne.splitFactor.toString()).toBe('0.333333333333');
    expect(
      actionFactors({
        ...threeForOne,
        actionType: 'STOCK_SPLIT',
        ratio: '1.5',
        amount: null,
        previousClose: null,
      }).splitFactor.toString(),
    ).toBe('0.666666666667');
  });

  it('keeps the bars before a split that a reverse split undid as traded', () => {
    // 2-for-1 on 2025-01-10, then 1-for-2 on 2025-02-10: before the first, 1/2 x 2 = 1.
    const split = (actionId: number, exDate: string, ratio: string) =>
      actionFactors({
        actionId,
        actionType: 'STOCK_SPLIT',
        exDate,
        ratio,
        amount: null,
        previousClose: null,
      });
    const schedule = adjustmentSchedule(
      [split(1, '2025-01-10', '2'), split(2, '2025-02-10', '0.5')],
      'split',
    );
    const on = (date: string) => {
      const { price, volume } = factorsOn(schedule, date);
      return [price.toString(), volume.toString()];
    };
    expect(on('2025-01-09')).toEqual(['1', '1']);
    expect(on('2025-01-10')).toEqual(['2', '0.5']);
    expect(on('2025-02-07')).toEqual(['2', '0.5']);
    expect(on('2025-02-10')).toEqual(['1', '1']);
  });
});
