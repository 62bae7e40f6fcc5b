import { addDays, businessDaysBetween } from '@securities/market-sim';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { PERFORMANCE_INTERVALS } from '@securities/vocabulary';
import { PerformanceInput, performanceSeries } from '../../index';

const cents = (min: number, max: number) =>
  fc.integer({ min, max }).map((value) => new Decimal(value).dividedBy(100).toFixed(2));

/** A random portfolio history: 1..45 trading days, positive values, trades and payouts on later days. */
const histories: fc.Arbitrary<PerformanceInput> = fc
  .record({
    offset: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 1, max: 45 }),
  })
  .chain(({ offset, length }) => {
    const start = addDays('2023-01-02', offset);
    const dates = businessDaysBetween(start, addDays(start, 70)).slice(0, length);
    const laterDay = fc.constantFrom(...(dates.length > 1 ? dates.slice(1) : dates));
    const amount = fc.record({
      date: laterDay,
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      price: cents(1, 100_000_00),
      priceFactor: fc.constantFrom('1', '0.01'),
      fxRate: fc.constantFrom('1', '1.0975', '0.00654321', '1.2687'),
    });
    return fc.record({
      days: fc
        .tuple(...dates.map(() => cents(1, 50_000_000_000)))
        .map((values) => values.map((marketValue, i) => ({ date: dates[i], marketValue }))),
      trades:
        dates.length > 1
          ? fc
              .array(
                fc.record({
                  trade: amount,
                  side: fc.constantFrom('BUY' as const, 'SELL' as const),
                  fees: cents(0, 100_000),
                }),
                { maxLength: 12 },
              )
              .map((rows) => rows.map(({ trade, side, fees }) => ({ ...trade, side, fees })))
          : fc.constant([]),
      distributions:
        dates.length > 1
          ? fc
              .array(amount, { maxLength: 4 })
              .map((rows) => rows.map(({ price, ...row }) => ({ ...row, amountPerUnit: price })))
          : fc.constant([]),
    });
  });

const TEN_PLACES = new Decimal('1e-10');
const Precise = Decimal.clone({ precision: 60 });
/** A hundred random histories take a second or two alone; the machine may be shared. */
const PROPERTY_TIMEOUT_MS = 60_000;

describe('performanceSeries: properties on random histories', () => {
  it(
    'changes in value are exactly net flows + P&L - income point to point, and every interval links to the same return',
    () => {
      fc.assert(
        fc.property(histories, fc.constantFrom(...PERFORMANCE_INTERVALS), (input, interval) => {
          const points = performanceSeries(input, interval);
          for (let i = 1; i < points.length; i++) {
            const change = points[i].marketValue.minus(points[i - 1].marketValue);
            const explained = points[i].netFlows.plus(points[i].pnl).minus(points[i].income);
            expect(change.toFixed(2)).toBe(explained.toFixed(2));
          }
          expect(points[points.length - 1].date).toBe(input.days[input.days.length - 1].date);
          // Linking by week or month ends where linking day by day does.
          const daily = performanceSeries(input, '1d');
          const [linked, dayByDay] = [points, daily].map((p) => p[p.length - 1].cumulativeReturn);
          if (dayByDay === null) expect(linked).toBeNull();
          else expect((linked as Decimal).minus(dayByDay).abs().lte(TEN_PLACES)).toBe(true);
        }),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'without trades or payouts, the cumulative return is the change in value, whatever the interval',
    () => {
      fc.assert(
        fc.property(histories, (history) => {
          const input = { ...history, trades: [], distributions: [] };
          // The oracle needs the digits too: a value can grow ten billion times (0.03 -> 362 million).
          const first = new Precise(input.days[0].marketValue);
          const last = new Precise(input.days[input.days.length - 1].marketValue);
          const expected = last.dividedBy(first).minus(1);
          for (const interval of PERFORMANCE_INTERVALS) {
            const points = performanceSeries(input, interval);
            const cumulative = points[points.length - 1].cumulativeReturn as Decimal;
            expect(cumulative.minus(expected).abs().lte(TEN_PLACES)).toBe(true);
          }
        }),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
