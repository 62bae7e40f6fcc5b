import { floatingBar, summaryAsAttribution, waterfallAxisMin, waterfallOf } from './waterfall';

describe('waterfallOf: start, four effects, end', () => {
  it('floats each effect from the running total, and the steps add up to the end', () => {
    // PORT-004, 2025-01-15 .. 2025-01-21 (the README's example).
    const waterfall = waterfallOf(
      summaryAsAttribution({
        total_mv_start: 79359386.87,
        total_price_effect: -366249.01,
        total_qty_effect: -731459.4,
        total_fx_effect: 28178.86,
        total_corp_action_effect: -1959592.32,
        total_mv_end: 76330265,
      }),
    );
    expect(waterfall.steps).toEqual([
      { label: 'Start market value', kind: 'total', from: 0, to: 79359386.87, amount: 79359386.87 },
      { label: 'Price', kind: 'fall', from: 79359386.87, to: 78993137.86, amount: -366249.01 },
      { label: 'Quantity', kind: 'fall', from: 78993137.86, to: 78261678.46, amount: -731459.4 },
      { label: 'FX', kind: 'rise', from: 78261678.46, to: 78289857.32, amount: 28178.86 },
      {
        label: 'Corporate actions',
        kind: 'fall',
        from: 78289857.32,
        to: 76330265,
        amount: -1959592.32,
      },
      { label: 'End market value', kind: 'total', from: 0, to: 76330265, amount: 76330265 },
    ]);
    expect(waterfall.computedEnd).toBe(76330265);
    expect(waterfall.gapCents).toBe(0);
  });

  it('says by how many cents an attribution that does not add up misses', () => {
    const waterfall = waterfallOf({
      mv_start: 100,
      price_effect: 10.01,
      qty_effect: 0,
      fx_effect: 0,
      corp_action_effect: 0,
      mv_end: 110,
    });
    expect(waterfall.gapCents).toBe(1);
  });

  it('draws a short position crossing zero as one step from one side to the other', () => {
    const waterfall = waterfallOf({
      mv_start: -50,
      price_effect: 80,
      qty_effect: 0,
      fx_effect: 0,
      corp_action_effect: 0,
      mv_end: 30,
    });
    expect(waterfall.steps[1]).toEqual({
      label: 'Price',
      kind: 'rise',
      from: -50,
      to: 30,
      amount: 80,
    });
  });
});

describe('floatingBar', () => {
  it('stands a fall on its end and a rise on its start', () => {
    expect(floatingBar({ label: 'Price', kind: 'fall', from: 100, to: 70, amount: -30 })).toEqual({
      base: 70,
      height: 30,
    });
    expect(floatingBar({ label: 'FX', kind: 'rise', from: 70, to: 75, amount: 5 })).toEqual({
      base: 70,
      height: 5,
    });
  });

  it('spans zero for a step from a short to a long value, and a total rises from zero', () => {
    expect(floatingBar({ label: 'Price', kind: 'rise', from: -50, to: 30, amount: 80 })).toEqual({
      base: -50,
      height: 80,
    });
    expect(floatingBar({ label: 'End', kind: 'total', from: 0, to: 30, amount: 30 })).toEqual({
      base: 0,
      height: 30,
    });
  });
});

describe('waterfallAxisMin', () => {
  const of = (start: number, price: number, end: number) =>
    waterfallOf({
      mv_start: start,
      price_effect: price,
      qty_effect: 0,
      fx_effect: 0,
      corp_action_effect: 0,
      mv_end: end,
    });

  it('starts the axis half the spread below the lowest end, rounded down to two digits', () => {
    // Ends 79.36M and 76.33M: spread 3.03M, floor 74.81M, shown from 74M.
    expect(waterfallAxisMin(of(79_359_386.87, -3_029_121.87, 76_330_265))).toBe(74_000_000);
  });

  it('starts at zero when a value is zero or below, or the spread is wide', () => {
    expect(waterfallAxisMin(of(0, 100, 100))).toBe(0);
    expect(waterfallAxisMin(of(-50, 80, 30))).toBe(0);
    expect(waterfallAxisMin(of(100, -90, 10))).toBe(0);
  });
});
