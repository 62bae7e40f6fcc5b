import { SEC_0003_SPLIT } from '../../testing/sec-0003-split';
import { actionFactors, adjustmentSchedule } from '../adjustment/adjustment-factors';
import { formatLocalTime } from '../time/local-time';
import { adjustBars } from './adjust-bars';
import { Bar, RawBar } from './bar';

const SPLIT = actionFactors(SEC_0003_SPLIT);

const day = (
  date: string,
  o: string,
  h: string,
  l: string,
  c: string,
  volume: string,
  priceVolume: string,
  vwap: string,
): RawBar => ({
  start: { date, micros: 0 },
  open: o,
  high: h,
  low: l,
  close: c,
  volume,
  vwap,
  tradeCount: '10',
  priceVolume,
});

const DAYS = [
  day(
    '2025-02-05',
    '398.000000',
    '404.000000',
    '392.000000',
    '400.000000',
    '2000',
    '798000',
    '399.000000',
  ),
  day(
    '2025-02-06',
    '400.000000',
    '420.000000',
    '396.000000',
    '412.000000',
    '1000',
    '410000',
    '410.000000',
  ),
  day(
    '2025-02-07',
    '103.000000',
    '105.000000',
    '101.000000',
    '104.000000',
    '4200',
    '434700',
    '103.500000',
  ),
  day(
    '2025-02-10',
    '104.000000',
    '106.000000',
    '103.000000',
    '105.000000',
    '4000',
    '418000',
    '104.500000',
  ),
];

const shown = (bar: Bar) => ({
  start: formatLocalTime(bar.start),
  ohlc: [bar.open, bar.high, bar.low, bar.close].map(String),
  volume: bar.volume.toString(),
  vwap: bar.vwap.toString(),
  tradeCount: bar.tradeCount?.toString(),
  factors: [bar.adjustmentFactor?.toString() ?? null, bar.volumeFactor?.toString() ?? null],
});

describe('bars across a 4-for-1 split', () => {
  it('daily bars: before the ex-date, prices x 0.25 and volume x 4, exactly; from it on, as traded', () => {
    expect(adjustBars(DAYS, '1d', '1d', adjustmentSchedule([SPLIT], 'split')).map(shown)).toEqual([
      {
        start: '2025-02-05T00:00:00',
        ohlc: ['99.5', '101', '98', '100'],
        volume: '8000',
        vwap: '99.75',
        tradeCount: '10',
        factors: ['0.25', '4'],
      },
      {
        start: '2025-02-06T00:00:00',
        ohlc: ['100', '105', '99', '103'],
        volume: '4000',
        vwap: '102.5',
        tradeCount: '10',
        factors: ['0.25', '4'],
      },
      {
        start: '2025-02-07T00:00:00',
        ohlc: ['103', '105', '101', '104'],
        volume: '4200',
        vwap: '103.5',
        tradeCount: '10',
        factors: ['1', '1'],
      },
      {
        start: '2025-02-10T00:00:00',
        ohlc: ['104', '106', '103', '105'],
        volume: '4000',
        vwap: '104.5',
        tradeCount: '10',
        factors: ['1', '1'],
      },
    ]);
  });

  it('the week of the split is built from its adjusted days and says no single factor applies', () => {
    const [week] = adjustBars(DAYS.slice(0, 3), '1d', '1w', adjustmentSchedule([SPLIT], 'split'));
    // Adjusted days: 99.5/101/98/100 (8000), 100/105/99/103 (4000), 103/105/101/104 (4200).
    // vwap: (798000 + 410000 + 434700) / (8000 + 4000 + 4200) = 1642700 / 16200 = 101.40123456790123...
    expect(shown(week)).toEqual({
      start: '2025-02-03T00:00:00',
      ohlc: ['99.5', '105', '98', '104'],
      volume: '16200',
      vwap: '101.401234567901',
      tradeCount: '30',
      factors: [null, null],
    });
  });

  it('the raw week of the split shows the jump, with the tick vwap of the whole week', () => {
    const [week] = adjustBars(DAYS.slice(0, 3), '1d', '1w', adjustmentSchedule([SPLIT], 'raw'));
    // 1642700 / 7200 = 228.152777... -> 228.152778.
    expect(shown(week)).toEqual({
      start: '2025-02-03T00:00:00',
      ohlc: ['398', '420', '101', '104'],
      volume: '7200',
      vwap: '228.152778',
      tradeCount: '30',
      factors: ['1', '1'],
    });
  });

  it('a week wholly before the split is its raw aggregate x 0.25', () => {
    const [week] = adjustBars(DAYS.slice(0, 2), '1d', '1w', adjustmentSchedule([SPLIT], 'split'));
    // Raw: 398/420/392/412, 3000, vwap 1208000 / 3000 = 402.666667.
    expect(shown(week)).toEqual({
      start: '2025-02-03T00:00:00',
      ohlc: ['99.5', '105', '98', '103'],
      volume: '12000',
      vwap: '100.66666675',
      tradeCount: '20',
      factors: ['0.25', '4'],
    });
  });
});

describe('rolling up days', () => {
  it('uses the days’ own vwaps, volume-weighted, when no ticks stand behind them', () => {
    const noTicks = DAYS.slice(0, 2).map((bar) => ({
      ...bar,
      priceVolume: null,
      tradeCount: null,
    }));
    const [week] = adjustBars(noTicks, '1d', '1w', []);
    // (399 x 2000 + 410 x 1000) / 3000 = 402.666667.
    expect(week.vwap.toString()).toBe('402.666667');
    expect(week.tradeCount).toBeNull();
  });

  it('gives the close as vwap when nothing traded', () => {
    const quiet = DAYS.slice(0, 2).map((bar) => ({ ...bar, volume: '0', priceVolume: '0' }));
    expect(adjustBars(quiet, '1d', '1mo', [])[0].vwap.toString()).toBe('412');
  });

  it('splits the days into calendar months', () => {
    const bars = adjustBars(
      [
        day('2025-01-31', '1', '2', '1', '2', '1', '2', '2'),
        day('2025-02-03', '2', '3', '2', '3', '1', '3', '3'),
      ],
      '1d',
      '1mo',
      [],
    );
    expect(bars.map((bar) => formatLocalTime(bar.start))).toEqual([
      '2025-01-01T00:00:00',
      '2025-02-01T00:00:00',
    ]);
  });

  it('takes the ticks’ vwap for a week of a single day, not the day’s own (pinned) vwap', () => {
    const [week] = adjustBars([{ ...DAYS[3], vwap: '999.000000' }], '1d', '1w', []);
    // 418000 / 4000 = 104.5.
    expect(week.vwap.toString()).toBe('104.5');
    expect(
      adjustBars([{ ...DAYS[3], vwap: '999.000000' }], '1d', '1d', [])[0].vwap.toString(),
    ).toBe('999');
  });
});
