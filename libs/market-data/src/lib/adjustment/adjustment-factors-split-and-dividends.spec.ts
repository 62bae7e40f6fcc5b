import {
  actionFactors,
  adjustmentSchedule,
  CorporateActionRecord,
  factorsOn,
} from './adjustment-factors';

const record = (overrides: Partial<CorporateActionRecord>): CorporateActionRecord => ({
  actionId: 1,
  actionType: 'DIVIDEND',
  exDate: '2025-01-30',
  ratio: null,
  amount: null,
  previousClose: null,
  ...overrides,
});

// A dividend of 2 on a close of 200 (factor 0.99), a 2-for-1 split, then a dividend of 0.5 on 100 (0.995).
const ACTIONS = [
  record({
    actionId: 1,
    exDate: '2025-01-15',
    amount: '2',
    previousClose: { date: '2025-01-14', close: '200' },
  }),
  record({ actionId: 2, actionType: 'STOCK_SPLIT', exDate: '2025-02-07', ratio: '2' }),
  record({
    actionId: 3,
    exDate: '2025-03-10',
    amount: '0.5',
    previousClose: { date: '2025-03-07', close: '100' },
  }),
].map(actionFactors);

const price = (adjustment: 'split' | 'dividend' | 'all', date: string) =>
  factorsOn(adjustmentSchedule(ACTIONS, adjustment), date).price.toString();

describe('several actions: each bar takes the product of the later actions', () => {
  it.each([
    ['2025-01-14', '0.492525', '0.5', '0.98505'],
    ['2025-01-15', '0.4975', '0.5', '0.995'],
    ['2025-02-06', '0.4975', '0.5', '0.995'],
    ['2025-02-07', '0.995', '1', '0.995'],
    ['2025-03-07', '0.995', '1', '0.995'],
    ['2025-03-10', '1', '1', '1'],
  ])('a bar of %s: all %s, split %s, dividend %s', (date, all, split, dividends) => {
    expect(price('all', date)).toBe(all);
    expect(price('split', date)).toBe(split);
    expect(price('dividend', date)).toBe(dividends);
  });

  it('multiplies volumes by the later splits only', () => {
    const schedule = adjustmentSchedule(ACTIONS, 'all');
    expect(factorsOn(schedule, '2025-01-14').volume.toString()).toBe('2');
    expect(factorsOn(schedule, '2025-02-07').volume.toString()).toBe('1');
  });

  it('combines two actions on the same ex-date into one step', () => {
    const sameDay = [
      record({
        actionId: 4,
        exDate: '2025-02-07',
        amount: '1',
        previousClose: { date: '2025-02-06', close: '50' },
      }),
      record({ actionId: 5, actionType: 'STOCK_SPLIT', exDate: '2025-02-07', ratio: '2' }),
    ].map(actionFactors);
    const schedule = adjustmentSchedule(sameDay, 'all');
    expect(schedule).toHaveLength(1);
    expect(schedule[0].before).toBe('2025-02-07');
    expect(schedule[0].price.toString()).toBe('0.49');
  });

  it('lists its steps in date order, whatever order the actions come in', () => {
    const schedule = adjustmentSchedule([...ACTIONS].reverse(), 'all');
    expect(schedule.map((step) => step.before)).toEqual(['2025-01-15', '2025-02-07', '2025-03-10']);
  });
});
