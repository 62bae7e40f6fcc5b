import Decimal from 'decimal.js';
import fc from 'fast-check';
import { rankTopMovers, VarianceInputError } from '../index';

function mover(securityId: string, totalPnl: string) {
  return { securityId, totalPnl: new Decimal(totalPnl) };
}

describe('rankTopMovers', () => {
  const rows = [
    mover('SEC-0001', '1200.00'),
    mover('SEC-0002', '-5400.00'),
    mover('SEC-0003', '300.00'),
    mover('SEC-0004', '5400.00'),
    mover('SEC-0005', '-9000.00'),
  ];

  it('orders by absolute total P&L, largest first, losses and gains alike', () => {
    const ranked = rankTopMovers(rows, 3).map((row) => row.securityId);
    expect(ranked).toEqual(['SEC-0005', 'SEC-0002', 'SEC-0004']);
  });

  it('keeps input order between rows of equal absolute P&L', () => {
    const reversed = [...rows].reverse();
    expect(rankTopMovers(reversed, 3).map((row) => row.securityId)).toEqual([
      'SEC-0005',
      'SEC-0004',
      'SEC-0002',
    ]);
  });

  it('returns every row when the limit exceeds the row count, and leaves the input as it was', () => {
    const before = rows.map((row) => row.securityId);
    expect(rankTopMovers(rows, 100)).toHaveLength(5);
    expect(rows.map((row) => row.securityId)).toEqual(before);
  });

  it.each([0, -1, 2.5, NaN, Infinity])('rejects limit %p, naming it', (limit) => {
    expect(() => rankTopMovers(rows, limit)).toThrow(VarianceInputError);
    expect(() => rankTopMovers(rows, limit)).toThrow(
      `limit must be a positive integer, got ${limit}`,
    );
  });

  it('rejects a row whose total P&L is not a finite Decimal, naming the row', () => {
    expect(() => rankTopMovers([mover('SEC-0001', '1'), mover('SEC-0002', 'NaN')], 1)).toThrow(
      'rows[1].totalPnl must be a finite Decimal, got NaN',
    );
  });

  it('always returns the largest movers, sorted, ties in input order', () => {
    const cents = fc.integer({ min: -500, max: 500 }).map((value) => new Decimal(value).div(100));
    fc.assert(
      fc.property(
        fc.array(cents, { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (amounts, limit) => {
          const input = amounts.map((totalPnl, index) => ({ index, totalPnl }));
          const ranked = rankTopMovers(input, limit);

          expect(ranked).toHaveLength(Math.min(limit, input.length));
          ranked.slice(1).forEach((row, position) => {
            const previous = ranked[position];
            const order = previous.totalPnl.abs().comparedTo(row.totalPnl.abs());
            expect(order > 0 || (order === 0 && previous.index < row.index)).toBe(true);
          });
          const smallestKept = ranked.at(-1)?.totalPnl.abs();
          const left = input.filter((row) => !ranked.includes(row));
          if (smallestKept !== undefined) {
            left.forEach((row) => expect(row.totalPnl.abs().lte(smallestKept)).toBe(true));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
