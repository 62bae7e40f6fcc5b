import { ReplayClock } from './replay-clock';

const at = (time: string) => Date.parse(`${time}Z`);

describe('ReplayClock: when each tick is due', () => {
  it('divides the market time since the start by the speed', () => {
    const clock = new ReplayClock(at('2025-03-28T09:30:00'), 10, 60_000);
    expect(clock.dueAfterMs(at('2025-03-28T09:30:00'))).toBe(0);
    expect(clock.dueAfterMs(at('2025-03-28T09:30:20'))).toBe(2_000);
    expect(clock.dueAfterMs(at('2025-03-28T09:30:20'))).toBe(2_000);
    expect(clock.dueAfterMs(at('2025-03-28T09:31:00'))).toBe(6_000);
  });

  it('replays a closed market (a night, a weekend) as one minute', () => {
    const clock = new ReplayClock(at('2025-03-28T15:59:40'), 1, 60_000);
    expect(clock.dueAfterMs(at('2025-03-28T15:59:40'))).toBe(0);
    expect(clock.dueAfterMs(at('2025-03-28T16:00:00'))).toBe(20_000);
    // Friday's close to Monday's open: 65.5 hours of market time, one minute of replay.
    expect(clock.dueAfterMs(at('2025-03-31T09:30:00'))).toBe(80_000);
    expect(clock.dueAfterMs(at('2025-03-31T09:30:20'))).toBe(100_000);
  });

  it('counts a start before the first tick (a weekend start) as at most one gap', () => {
    const clock = new ReplayClock(at('2025-03-29T00:00:00'), 1000, 60_000);
    expect(clock.dueAfterMs(at('2025-03-31T09:30:00'))).toBe(60);
  });

  it('refuses ticks out of time order and a speed that is not positive', () => {
    const clock = new ReplayClock(at('2025-03-28T09:30:00'), 1, 60_000);
    clock.dueAfterMs(at('2025-03-28T09:31:00'));
    expect(() => clock.dueAfterMs(at('2025-03-28T09:30:40'))).toThrow(
      'ticks must come in time order: 2025-03-28T09:30:40.000Z after 2025-03-28T09:31:00.000Z',
    );
    expect(() => new ReplayClock(0, 0, 60_000)).toThrow('speed must be positive, got 0');
  });
});
