import { ArraySource, Item, itemsEvery, RecordingSink, VirtualTimer } from './replay-test-doubles';
import { Replay, ReplayOptions } from './run-replay';

const options = (overrides: Partial<ReplayOptions<Item>> = {}): ReplayOptions<Item> => ({
  fromMs: 0,
  speed: 10,
  timeOf: (item) => item.t,
  queueCapacity: 8,
  pageSize: 4,
  maxGapMs: 60_000,
  pollMs: 5,
  ...overrides,
});

describe('Replay: each moment is sent when its market time / speed has passed', () => {
  it('sends the moments of two securities together, in time order, on schedule', async () => {
    const timer = new VirtualTimer();
    const sink = new RecordingSink(timer);
    const replay = new Replay(
      new ArraySource(itemsEvery(20_000, 4, ['A', 'B'])),
      sink,
      timer,
      options(),
    );
    await expect(replay.run()).resolves.toBe('finished');
    // 20 s of market time at 10x: one moment every 2 s.
    expect(sink.sends).toEqual([
      { at: 0, ids: ['A0', 'B0'] },
      { at: 2_000, ids: ['A1', 'B1'] },
      { at: 4_000, ids: ['A2', 'B2'] },
      { at: 6_000, ids: ['A3', 'B3'] },
    ]);
    expect(replay.progress).toEqual({ fetched: 8, sent: 8, queued: 0, heldBackMs: 0 });
  });

  it('starts from `from`, skips a closed market, and goes 1000x as fast at 1000x', async () => {
    const timer = new VirtualTimer();
    const sink = new RecordingSink(timer);
    const items: Item[] = [
      { id: 'close', t: 10_000_000 },
      { id: 'open', t: 10_000_000 + 17.5 * 3_600_000 },
      { id: 'next', t: 10_000_000 + 17.5 * 3_600_000 + 20_000 },
    ];
    await new Replay(new ArraySource(items), sink, timer, {
      ...options({ speed: 1000 }),
      fromMs: 10_000_000 - 20_000,
    }).run();
    expect(sink.sends.map((send) => send.at)).toEqual([20, 80, 100]);
  });

  it('finishes at once on a source with nothing after `from`', async () => {
    const timer = new VirtualTimer();
    const sink = new RecordingSink(timer);
    await expect(new Replay(new ArraySource([]), sink, timer, options()).run()).resolves.toBe(
      'finished',
    );
    expect(sink.sends).toEqual([]);
  });

  it('reads the source a page at a time, never past the queue, and each item once', async () => {
    const timer = new VirtualTimer();
    const source = new ArraySource(itemsEvery(20_000, 10));
    const sink = new RecordingSink(timer);
    await new Replay(source, sink, timer, options({ queueCapacity: 5, pageSize: 3 })).run();
    expect(sink.sends.flatMap((send) => send.ids)).toEqual(
      Array.from({ length: 10 }, (_, step) => `A${step}`),
    );
    expect(source.reads[0]).toEqual({ after: null, limit: 3 });
    expect(source.reads.every((read) => read.limit <= 3)).toBe(true);
  });

  it('stops when asked, and reads nothing more', async () => {
    const timer = new VirtualTimer();
    const source = new ArraySource(itemsEvery(20_000, 100));
    const sink = new RecordingSink(timer);
    const replay = new Replay(source, sink, timer, options());
    sink.isReady = () => {
      if (sink.sends.length === 3) replay.stop();
      return true;
    };
    await expect(replay.run()).resolves.toBe('stopped');
    expect(sink.sends).toHaveLength(3);
    expect(replay.progress.fetched).toBeLessThanOrEqual(8);
  });

  it('refuses a page larger than the queue', () => {
    const timer = new VirtualTimer();
    expect(
      () =>
        new Replay(
          new ArraySource([]),
          new RecordingSink(timer),
          timer,
          options({ queueCapacity: 4, pageSize: 5 }),
        ),
    ).toThrow('pageSize must be 1 .. queueCapacity (4), got 5');
  });
});
