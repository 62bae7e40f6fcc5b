import type { Candle } from './candles';
import { foldTick } from './tick-candles';

describe('foldTick: live one-minute candles from replayed ticks', () => {
  it('builds clock-aligned minutes: first, highest, lowest and last price', () => {
    const candles: Candle[] = [];
    for (const [tick_time, price] of [
      ['2025-03-28T09:30:00', 10],
      ['2025-03-28T09:30:20', 12],
      ['2025-03-28T09:30:40', 9],
      ['2025-03-28T09:31:00', 11],
    ] as const) {
      foldTick(candles, { tick_time, price });
    }
    expect(candles).toEqual([
      { time: 1743154200, open: 10, high: 12, low: 9, close: 9 },
      { time: 1743154260, open: 11, high: 11, low: 11, close: 11 },
    ]);
  });

  it('returns a copy of the candle to draw and refuses a tick from an earlier minute', () => {
    const candles: Candle[] = [];
    const drawn = foldTick(candles, { tick_time: '2025-03-28T09:31:00', price: 5 });
    drawn.close = 99;
    expect(candles[0].close).toBe(5);
    expect(() => foldTick(candles, { tick_time: '2025-03-28T09:30:40', price: 5 })).toThrow(
      'tick 2025-03-28T09:30:40 is before the last candle',
    );
  });
});
