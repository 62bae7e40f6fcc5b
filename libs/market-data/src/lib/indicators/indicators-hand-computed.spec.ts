import { IndicatorSeries, INDICATOR_DECIMALS } from './indicator-math';
import { ema } from './ema';
import { macd } from './macd';
import { rsi } from './rsi';
import { sma } from './sma';

const shown = (series: IndicatorSeries) =>
  series.map((value) =>
    value === null ? null : value.toDecimalPlaces(INDICATOR_DECIMALS).toString(),
  );

describe('indicators against values computed by hand', () => {
  it('SMA(3) of 1..5 is 2, 3, 4 from the third value', () => {
    expect(shown(sma(['1', '2', '3', '4', '5'], 3))).toEqual([null, null, '2', '3', '4']);
  });

  it('SMA(1) is the series itself; SMA of fewer values than the window is all warm-up', () => {
    expect(shown(sma(['101.25', '99.5'], 1))).toEqual(['101.25', '99.5']);
    expect(shown(sma(['1', '2'], 3))).toEqual([null, null]);
    expect(sma([], 3)).toEqual([]);
  });

  it('EMA(3) (alpha 1/2) of 10, 11, 12, 10, 14: seed 11, then 10.5 and 12.25', () => {
    expect(shown(ema(['10', '11', '12', '10', '14'], 3))).toEqual([
      null,
      null,
      '11',
      '10.5',
      '12.25',
    ]);
  });

  it('EMA(4) (alpha 2/5) of 2, 4, 6, 8, 10, 7: seed 5, then 7 and 7', () => {
    expect(shown(ema([2, 4, 6, 8, 10, 7], 4))).toEqual([null, null, null, '5', '7', '7']);
  });

  it("RSI(3), Wilder's smoothing: 80, then 100 - 100/2.6 and 100 - 100/4.4", () => {
    // Changes +1, -0.5, +1 | -0.5 | +1. First averages: gain 2/3, loss 1/6, RS 4 -> 80.
    // Then gain (2/3*2 + 0)/3 = 4/9, loss (1/6*2 + 0.5)/3 = 5/18, RS 1.6; then 17/27 and 5/27, RS 3.4.
    expect(shown(rsi(['10', '11', '10.5', '11.5', '11', '12'], 3))).toEqual([
      null,
      null,
      null,
      '80',
      '61.53846154',
      '77.27272727',
    ]);
  });

  it('RSI is 100 when nothing was lost and 50 when nothing moved', () => {
    expect(shown(rsi([1, 2, 3, 4], 2))).toEqual([null, null, '100', '100']);
    expect(shown(rsi([5, 5, 5], 2))).toEqual([null, null, '50']);
    expect(shown(rsi([5, 4, 3], 2))).toEqual([null, null, '0']);
  });

  it('MACD(2, 3, 2) of 1, 2, 3, 5, 8, 13, worked out in fractions', () => {
    // EMA2: 3/2, 5/2, 25/6, 121/18, 589/54; EMA3: 2, 7/2, 23/4, 75/8. Line: 1/2, 2/3, 35/36, 331/216.
    // Signal (EMA2 of the line): 7/12, 91/108, 211/162. Histogram: 1/12, 7/54, 149/648.
    const values = macd([1, 2, 3, 5, 8, 13], { fast: 2, slow: 3, signal: 2 });
    expect(values.slice(0, 3)).toEqual([null, null, null]);
    expect(
      values
        .slice(3)
        .map(
          (value) =>
            value &&
            [value.macd, value.signal, value.histogram].map((x) => x.toDecimalPlaces(8).toString()),
        ),
    ).toEqual([
      ['0.66666667', '0.58333333', '0.08333333'],
      ['0.97222222', '0.84259259', '0.12962963'],
      ['1.53240741', '1.30246914', '0.22993827'],
    ]);
  });

  it.each([
    [() => sma([1], 0), 'window must be a whole number of bars >= 1, got 0'],
    [() => ema([1], 2.5), 'window must be a whole number of bars >= 1, got 2.5'],
    [
      () => macd([1], { fast: 26, slow: 12, signal: 9 }),
      'fast (26) must be shorter than slow (12)',
    ],
    [
      () => macd([1], { fast: 12, slow: 26, signal: 0 }),
      'signal must be a whole number of bars >= 1, got 0',
    ],
  ])('refuses a bad window, naming it (%#)', (call, message) => {
    expect(call).toThrow(message);
  });
});
