import { ArraySource, Item, itemsEvery, RecordingSink, VirtualTimer } from './replay-test-doubles';
import { Replay, ReplayOptions } from './run-replay';

const options: ReplayOptions<Item> = {
  fromMs: 0,
  speed: 1000,
  timeOf: (item) => item.t,
  queueCapacity: 50,
  pageSize: 20,
  maxGapMs: 60_000,
  pollMs: 10,
};

describe('Replay to a client that stops reading', () => {
  it('holds at most queueCapacity items, stops reading the source, and loses nothing', async () => {
    const timer = new VirtualTimer();
    const items = itemsEvery(20_000, 10_000, ['A', 'B', 'C']);
    const source = new ArraySource(items);
    const sink = new RecordingSink(timer);
    const replay = new Replay(source, sink, timer, options);
    // The client takes 10 moments, then nothing for an hour of wall-clock time, then all.
    const stallFrom = 10;
    let stall: { startedAt: number; reads: number } | null = null;
    let readsDuringStall = 0;
    let polls = 0;
    let mostHeld = 0;
    sink.isReady = () => {
      if (sink.sends.length < stallFrom) return true;
      stall ??= { startedAt: timer.now(), reads: source.reads.length };
      polls += 1;
      mostHeld = Math.max(mostHeld, replay.progress.queued);
      if (timer.now() - stall.startedAt < 3_600_000) {
        readsDuringStall = source.reads.length - stall.reads;
        return false;
      }
      return true;
    };
    await expect(replay.run()).resolves.toBe('finished');

    // 360,000 polls while stalled, and the queue never held more than its capacity.
    expect(polls).toBeGreaterThan(300_000);
    expect(mostHeld).toBeGreaterThan(0);
    expect(mostHeld).toBeLessThanOrEqual(options.queueCapacity);
    // No read of the source while the client was not reading.
    expect(readsDuringStall).toBe(0);
    // Everything arrived, once, in order.
    expect(sink.sends.flatMap((send) => send.ids)).toEqual(items.map((item) => item.id));
    expect(replay.progress.heldBackMs).toBe(3_600_000);
  });

  it('resumes at its pace after a stall instead of bursting', async () => {
    const timer = new VirtualTimer();
    const sink = new RecordingSink(timer);
    const replay = new Replay(new ArraySource(itemsEvery(20_000, 8)), sink, timer, {
      ...options,
      speed: 10,
    });
    let stalledUntil: number | null = null;
    sink.isReady = () => {
      if (sink.sends.length !== 3) return true;
      stalledUntil ??= timer.now() + 30_000;
      return timer.now() >= stalledUntil;
    };
    await replay.run();
    const times = sink.sends.map((send) => send.at);
    // Every 2 s, except one 30 s hold-up before the fourth moment.
    expect(times).toEqual([0, 2_000, 4_000, 36_000, 38_000, 40_000, 42_000, 44_000]);
  });
});
