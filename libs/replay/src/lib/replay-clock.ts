/**
 * When each tick of a replay is due, in wall-clock milliseconds after the replay started: the
 * market time since `from` divided by the speed, where a silence longer than `maxGapMs` (the
 * market is closed) counts as `maxGapMs`. Ticks must be asked for in time order.
 */
export class ReplayClock {
  private previousMs: number;
  private marketElapsedMs = 0;

  constructor(
    fromMs: number,
    private readonly speed: number,
    private readonly maxGapMs: number,
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
    this.previousMs = fromMs;
  }

  dueAfterMs(tickMs: number): number {
    if (tickMs < this.previousMs) {
      throw new RangeError(
        `ticks must come in time order: ${new Date(tickMs).toISOString()} after ${new Date(this.previousMs).toISOString()}`,
      );
    }
    this.marketElapsedMs += Math.min(tickMs - this.previousMs, this.maxGapMs);
    this.previousMs = tickMs;
    return this.marketElapsedMs / this.speed;
  }
}
