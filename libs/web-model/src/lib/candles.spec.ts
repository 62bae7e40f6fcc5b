import { barTimeForDate, candlesFrom } from './candles';
import { PALETTE } from './palette';

const bar = (bar_time: string, open: number, close: number, volume = 100) => ({
  bar_time,
  open,
  high: Math.max(open, close) + 1,
  low: Math.min(open, close) - 1,
  close,
  volume,
});

describe('candles from the API bars', () => {
  it('draws one candle and one volume column per bar, the local time read as UTC', () => {
    const { candles, volumes } = candlesFrom([
      bar('2025-03-28T09:30:00', 10, 11, 500),
      bar('2025-03-28T09:31:00', 11, 10.5, 700),
    ]);
    expect(candles).toEqual([
      { time: 1743154200, open: 10, high: 12, low: 9, close: 11 },
      { time: 1743154260, open: 11, high: 12, low: 9.5, close: 10.5 },
    ]);
    expect(volumes).toEqual([
      { time: 1743154200, value: 500, color: PALETTE.upTranslucent },
      { time: 1743154260, value: 700, color: PALETTE.downTranslucent },
    ]);
  });

  it('reads dates as their midnight', () => {
    expect(candlesFrom([bar('2025-02-07', 1, 2)]).candles[0].time).toBe(1738886400);
  });
});

describe('barTimeForDate: the bar a dated event sits on', () => {
  const days = [bar('2025-02-05', 1, 1), bar('2025-02-06', 1, 1), bar('2025-02-07', 1, 1)];
  const weeks = [bar('2025-01-27', 1, 1), bar('2025-02-03', 1, 1)];
  const months = [bar('2025-01-01', 1, 1), bar('2025-03-01', 1, 1)];
  const minutes = [bar('2025-02-06T15:59:00', 1, 1), bar('2025-02-07T09:30:00', 1, 1)];

  it('puts it on its day, the week or month holding it, or the day’s first minute', () => {
    expect(barTimeForDate('2025-02-06', days, '1d')).toBe('2025-02-06');
    expect(barTimeForDate('2025-02-07', weeks, '1w')).toBe('2025-02-03');
    expect(barTimeForDate('2025-03-17', months, '1mo')).toBe('2025-03-01');
    expect(barTimeForDate('2025-02-07', minutes, '1m')).toBe('2025-02-07T09:30:00');
  });

  it('leaves out dates outside the bars', () => {
    expect(barTimeForDate('2025-01-02', days, '1d')).toBeNull();
    expect(barTimeForDate('2025-02-10', days, '1d')).toBeNull();
    expect(barTimeForDate('2025-02-12', weeks, '1w')).toBeNull();
    expect(barTimeForDate('2025-02-14', months, '1mo')).toBeNull();
    expect(barTimeForDate('2025-02-05', minutes, '1m')).toBeNull();
    expect(barTimeForDate('2025-02-05', [], '1d')).toBeNull();
  });
});
