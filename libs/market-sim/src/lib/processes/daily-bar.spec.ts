import { createRandomSource } from '../random/random-source';
import { simulateDailyBar } from './daily-bar';

describe('simulateDailyBar', () => {
  const random = createRandomSource(5, 'bars');
  const bars = Array.from({ length: 2_000 }, (_, i) => {
    const previousClose = 20 + (i % 50);
    const close = Math.round(previousClose * (1 + ((i % 7) - 3) / 100) * 100) / 100;
    return simulateDailyBar(
      {
        previousClose,
        close,
        dailyVolatility: 0.03,
        priceDecimals: 2,
        vwapDecimals: 4,
        averageVolume: 1_000_000,
        volumeStep: 100,
      },
      random,
    );
  });

  it('keeps low <= open, close <= high and the VWAP within [low, high]', () => {
    for (const bar of bars) {
      expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
      expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
      expect(bar.vwap).toBeGreaterThanOrEqual(bar.low);
      expect(bar.vwap).toBeLessThanOrEqual(bar.high);
      expect(bar.low).toBeGreaterThan(0);
    }
  });

  it('puts prices on their decimal grid and volumes in whole lots', () => {
    for (const bar of bars) {
      expect(Number(bar.high.toFixed(2))).toBe(bar.high);
      expect(Number(bar.vwap.toFixed(4))).toBe(bar.vwap);
      expect(bar.volume % 100).toBe(0);
      expect(bar.volume).toBeGreaterThan(0);
    }
  });

  it('keeps the close it was given', () => {
    const bar = simulateDailyBar(
      {
        previousClose: 2500,
        close: 2610,
        dailyVolatility: 0.02,
        priceDecimals: 0,
        vwapDecimals: 2,
        averageVolume: 500_000,
        volumeStep: 100,
      },
      createRandomSource(1, 'bar'),
    );
    expect(bar.close).toBe(2610);
    expect(Number.isInteger(bar.open)).toBe(true);
  });
});
