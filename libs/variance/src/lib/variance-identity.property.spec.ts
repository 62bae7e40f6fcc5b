import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  attributePosition,
  CorporateAction,
  marketValueUsd,
  PositionAttribution,
  PositionAttributionInput,
  summarisePortfolio,
} from '../index';

const NUM_RUNS = 1000;

// An independent oracle: the spec's formulas taken literally (P0a = P0 / r computed first), at a
// precision well beyond the lib's, so the lib's reordering of operations is checked as well.
const Oracle = Decimal.clone({ precision: 100 });
const HALF_CENT = new Oracle('0.005');
const EPSILON = new Oracle('1e-30');

/** A decimal string with up to `maxScale` places; at most 15 significant digits, so exact as a JS number. */
function decimalString(minUnits: bigint, maxUnits: bigint, maxScale: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: minUnits, max: maxUnits }), fc.integer({ min: 0, max: maxScale }))
    .map(([units, scale]) => new Oracle(units.toString()).div(new Oracle(10).pow(scale)).toFixed());
}

const quantity = fc.oneof(
  { arbitrary: fc.constant('0'), weight: 1 },
  { arbitrary: decimalString(-10_000_000_000n, 10_000_000_000n, 4), weight: 5 },
);
const price = decimalString(1n, 1_000_000_000n, 6);
const fxRate = decimalString(1n, 1_000_000_000n, 8);
const priceFactor = fc.constantFrom('1', '0.01');
const distribution = decimalString(0n, 10_000_000n, 4);

const corporateAction: fc.Arbitrary<CorporateAction> = fc.oneof(
  fc.record({
    type: fc.constant('STOCK_SPLIT' as const),
    ratio: fc.oneof(
      fc.constantFrom('2', '3', '4', '7', '1.5', '0.5', '0.1', '10'),
      decimalString(1n, 100_000n, 3),
    ),
  }),
  fc.record({ type: fc.constant('DIVIDEND' as const), amount: distribution }),
  fc.record({ type: fc.constant('COUPON' as const), amount: distribution }),
  fc.constant({ type: 'MATURITY' as const }),
);

const snapshot = fc.record({ quantity, price, fxRate });

/** Random positions: new, closed, short, split, paid out, matured, with or without FX moves. */
const position: fc.Arbitrary<PositionAttributionInput> = fc.record({
  start: snapshot,
  end: snapshot,
  priceFactor,
  corporateActions: fc.array(corporateAction, { maxLength: 4 }),
});

const EFFECTS = ['priceEffect', 'qtyEffect', 'fxEffect', 'corpActionEffect'] as const;
const ALL_AMOUNTS = ['mvStart', 'mvEnd', ...EFFECTS, 'totalPnl'] as const;

function sumOfEffects(row: PositionAttribution): Decimal {
  return row.priceEffect.plus(row.qtyEffect).plus(row.fxEffect).plus(row.corpActionEffect);
}

function exactEffects(input: PositionAttributionInput) {
  const d = (value: unknown) => new Oracle(value as string);
  const [q0, p0, x0] = [d(input.start.quantity), d(input.start.price), d(input.start.fxRate)];
  const [q1, p1, x1] = [d(input.end.quantity), d(input.end.price), d(input.end.fxRate)];
  const f = d(input.priceFactor);
  let r = new Oracle(1);
  let distributionPerUnit = new Oracle(0);
  for (const action of input.corporateActions) {
    if (action.type === 'STOCK_SPLIT') r = r.times(d(action.ratio));
    if (action.type === 'DIVIDEND' || action.type === 'COUPON') {
      distributionPerUnit = distributionPerUnit.plus(d(action.amount));
    }
  }
  const q0a = q0.times(r);
  const p0a = p0.div(r);
  return {
    corpActionEffect: q0a
      .times(p0a)
      .minus(q0.times(p0))
      .times(f)
      .times(x0)
      .minus(q1.times(distributionPerUnit).times(f).times(x0)),
    qtyEffect: q1.minus(q0a).times(p0a).times(f).times(x0),
    priceEffect: q1.times(p1.minus(p0a).plus(distributionPerUnit)).times(f).times(x0),
    fxEffect: q1.times(p1).times(f).times(x1.minus(x0)),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Decimal.isDecimal(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function mapDecimals(
  input: PositionAttributionInput,
  convert: (value: string) => string | number | Decimal,
): PositionAttributionInput {
  const snapshotOf = (s: PositionAttributionInput['start']) => ({
    quantity: convert(s.quantity as string),
    price: convert(s.price as string),
    fxRate: convert(s.fxRate as string),
  });
  return {
    start: snapshotOf(input.start),
    end: snapshotOf(input.end),
    priceFactor: convert(input.priceFactor as string),
    corporateActions: input.corporateActions.map((action) => {
      switch (action.type) {
        case 'STOCK_SPLIT':
          return { type: action.type, ratio: convert(action.ratio as string) };
        case 'DIVIDEND':
        case 'COUPON':
          return { type: action.type, amount: convert(action.amount as string) };
        case 'MATURITY':
          return action;
      }
    }),
  };
}

const isMatured = (input: PositionAttributionInput) =>
  input.corporateActions.some((action) => action.type === 'MATURITY');

describe('variance identity (property-based)', () => {
  it('holds exactly on every row: mv_end - mv_start = sum of the effects = total_pnl', () => {
    fc.assert(
      fc.property(position, (input) => {
        const row = attributePosition(input);
        expect(row.mvEnd.minus(row.mvStart).equals(row.totalPnl)).toBe(true);
        expect(sumOfEffects(row).equals(row.totalPnl)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('reports every amount as a finite number of whole cents', () => {
    fc.assert(
      fc.property(position, (input) => {
        const row = attributePosition(input);
        ALL_AMOUNTS.forEach((name) => {
          expect(row[name].isFinite()).toBe(true);
          expect(row[name].decimalPlaces()).toBeLessThanOrEqual(2);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('values both ends with marketValueUsd', () => {
    fc.assert(
      fc.property(position, (input) => {
        const row = attributePosition(input);
        const { start, end, priceFactor: f } = input;
        expect(
          row.mvStart.equals(marketValueUsd(start.quantity, start.price, f, start.fxRate)),
        ).toBe(true);
        expect(row.mvEnd.equals(marketValueUsd(end.quantity, end.price, f, end.fxRate))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rounds each effect from the exact formula, the price effect absorbing the residual', () => {
    // qty, fx and corp are each within half a cent of the formula. The price effect also carries
    // the residual: the two market values and three other effects each round by at most half a
    // cent, so it stays within 2.5 cents of its formula.
    fc.assert(
      fc.property(
        position.filter((input) => !isMatured(input)),
        (input) => {
          const row = attributePosition(input);
          const exact = exactEffects(input);
          (['qtyEffect', 'fxEffect', 'corpActionEffect'] as const).forEach((name) => {
            const error = new Oracle(row[name]).minus(exact[name]).abs();
            expect(error.lte(HALF_CENT.plus(EPSILON))).toBe(true);
          });
          const priceError = new Oracle(row.priceEffect).minus(exact.priceEffect).abs();
          expect(priceError.lte(HALF_CENT.times(5).plus(EPSILON))).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('attributes a matured position wholly to the corporate action', () => {
    fc.assert(
      fc.property(position, (input) => {
        const matured: PositionAttributionInput = {
          ...input,
          corporateActions: [...input.corporateActions, { type: 'MATURITY' }],
        };
        const row = attributePosition(matured);
        expect(row.corpActionEffect.equals(row.mvEnd.minus(row.mvStart))).toBe(true);
        [row.priceEffect, row.qtyEffect, row.fxEffect].forEach((effect) =>
          expect(effect.isZero()).toBe(true),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('finds nothing to attribute when a split alone moves quantity and price', () => {
    const terminatingRatio = fc.constantFrom('2', '4', '5', '10', '0.5', '0.25', '1.25');
    fc.assert(
      fc.property(snapshot, priceFactor, terminatingRatio, (start, f, ratio) => {
        const row = attributePosition({
          start,
          end: {
            quantity: new Oracle(start.quantity).times(ratio).toFixed(),
            price: new Oracle(start.price).div(ratio).toFixed(),
            fxRate: start.fxRate,
          },
          priceFactor: f,
          corporateActions: [{ type: 'STOCK_SPLIT', ratio }],
        });
        [...EFFECTS, 'totalPnl' as const].forEach((name) => expect(row[name].isZero()).toBe(true));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('sums rows into portfolio totals, which satisfy the identity too', () => {
    fc.assert(
      fc.property(fc.array(position, { maxLength: 12 }), (inputs) => {
        const rows = inputs.map(attributePosition);
        const summary = summarisePortfolio(rows);
        const total = (name: (typeof ALL_AMOUNTS)[number]) =>
          rows.reduce((sum, row) => sum.plus(row[name]), new Oracle(0));

        expect(summary.totalMvStart.equals(total('mvStart'))).toBe(true);
        expect(summary.totalMvEnd.equals(total('mvEnd'))).toBe(true);
        expect(summary.totalPriceEffect.equals(total('priceEffect'))).toBe(true);
        expect(summary.totalQtyEffect.equals(total('qtyEffect'))).toBe(true);
        expect(summary.totalFxEffect.equals(total('fxEffect'))).toBe(true);
        expect(summary.totalCorpActionEffect.equals(total('corpActionEffect'))).toBe(true);
        expect(summary.totalPnl.equals(total('totalPnl'))).toBe(true);
        expect(
          summary.totalMvEnd
            .minus(summary.totalMvStart)
            .equals(
              summary.totalPriceEffect
                .plus(summary.totalQtyEffect)
                .plus(summary.totalFxEffect)
                .plus(summary.totalCorpActionEffect),
            ),
        ).toBe(true);
      }),
      { numRuns: NUM_RUNS / 2 },
    );
  });

  it('gives the same result for strings, numbers and Decimals holding the same values', () => {
    fc.assert(
      fc.property(position, (input) => {
        const fromStrings = attributePosition(input);
        const fromNumbers = attributePosition(mapDecimals(input, Number));
        const fromDecimals = attributePosition(mapDecimals(input, (value) => new Decimal(value)));
        ALL_AMOUNTS.forEach((name) => {
          expect(fromNumbers[name].equals(fromStrings[name])).toBe(true);
          expect(fromDecimals[name].equals(fromStrings[name])).toBe(true);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('leaves its input untouched', () => {
    fc.assert(
      fc.property(position, (input) => {
        const before = JSON.stringify(input);
        attributePosition(deepFreeze(input));
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
