import Decimal from 'decimal.js';
import { rollAverageCost } from './roll-average-cost';

/**
 * A trade larger than the position turns it around: the old position is closed at its own book
 * value, the rest opens on the other side at the trade's price. Figures worked by hand.
 */
describe('average cost when a trade flips the position', () => {
  it('long 100 (book 1,000, 10 each), sell 150 at 12: short 50 booked at 12 = -600', () => {
    expect(rollAverageCost(new Decimal(1000), 100, -150, new Decimal(12)).toString()).toBe('-600');
  });

  it('short 100 (book -1,050, 10.50 each), buy 160 at 9: long 60 booked at 9 = 540', () => {
    expect(rollAverageCost(new Decimal(-1050), -100, 160, new Decimal(9)).toString()).toBe('540');
  });

  it('long 3 (book 31.50, 10.50 each), sell 4 at 11.25 in USD at 1.0800: short 1 = -12.15', () => {
    const unitCostUsd = new Decimal('11.25').times('1.0800');
    expect(rollAverageCost(new Decimal('31.50'), 3, -4, unitCostUsd).toString()).toBe('-12.15');
  });

  it('a trade of exactly the position closes it at zero, whatever the price', () => {
    expect(rollAverageCost(new Decimal(1000), 100, -100, new Decimal(12)).toString()).toBe('0');
    expect(rollAverageCost(new Decimal(-1050), -100, 100, new Decimal(9)).toString()).toBe('0');
  });

  it('after a flip, further trades roll from the new side’s cost: add 50 short at 14, then buy back 25', () => {
    let cost = rollAverageCost(new Decimal(1000), 100, -150, new Decimal(12)); // short 50 at -600
    cost = rollAverageCost(cost, -50, -50, new Decimal(14)); // short 100: -600 - 700 = -1,300
    expect(cost.toString()).toBe('-1300');
    cost = rollAverageCost(cost, -100, 25, new Decimal(1)); // a quarter out: -975
    expect(cost.toString()).toBe('-975');
  });
});
