import { BoundedQueue } from './bounded-queue';
import { ReplayClock } from './replay-clock';

/** Where the replayed items come from: the database, in the API. */
export interface ReplaySource<T> {
  /**
   * At most `limit` items after `after` (from the start when null), oldest first. Fewer than
   * `limit` means there are no more.
   */
  next(after: T | null, limit: number): Promise<T[]>;
}

/** Where they go: the client's socket, in the API. */
export interface ReplaySink<T> {
  /** Sends the items of one moment. */
  send(moment: T[]): void;
  /** False while the client has not yet taken what it was sent (its buffer is over the mark). */
  ready(): boolean;
}

/** The wall clock, injected so tests can run a replay in virtual time. */
export interface ReplayTimer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface ReplayOptions<T> {
  /** The replay's start in market time (ms); earlier items are the source's business. */
  fromMs: number;
  /** Market milliseconds per wall-clock millisecond. */
  speed: number;
  /** An item's market time (ms). Items with the same time are one moment, sent together. */
  timeOf(item: T): number;
  /** Most items held between the source and the sink: the replay's memory bound. */
  queueCapacity: number;
  /** Items read from the source at once (at most queueCapacity). */
  pageSize: number;
  /** Market time between items beyond this is skipped (see ReplayClock). */
  maxGapMs: number;
  /** How long to wait before looking again at a sink that is not ready. */
  pollMs: number;
}

export interface ReplayProgress {
  /** Items read from the source so far. */
  fetched: number;
  /** Items handed to the sink so far. */
  sent: number;
  /** Items held in between: never more than queueCapacity. */
  queued: number;
  /** Wall-clock ms the replay has been held back by a sink that was not ready. */
  heldBackMs: number;
}

export type ReplayOutcome = 'finished' | 'stopped';

/**
 * Replays a time-ordered source into a sink at a speed: each moment is sent when its market time,
 * divided by the speed, has passed on the wall clock. Memory stays bounded whatever the client
 * does: the source is read only while the queue has room, and nothing is sent while the sink is
 * not ready. A slow client therefore slows the replay down (the schedule moves on by the time it
 * was held back, so it resumes at its pace instead of bursting) and never loses an item.
 */
export class Replay<T> {
  private readonly queue: BoundedQueue<T>;
  private stopped = false;
  private fetched = 0;
  private sent = 0;
  private heldBackMs = 0;

  constructor(
    private readonly source: ReplaySource<T>,
    private readonly sink: ReplaySink<T>,
    private readonly timer: ReplayTimer,
    private readonly options: ReplayOptions<T>,
  ) {
    if (!(options.pageSize >= 1 && options.pageSize <= options.queueCapacity)) {
      throw new RangeError(
        `pageSize must be 1 .. queueCapacity (${options.queueCapacity}), got ${options.pageSize}`,
      );
    }
    this.queue = new BoundedQueue<T>(options.queueCapacity);
  }

  get progress(): ReplayProgress {
    return {
      fetched: this.fetched,
      sent: this.sent,
      queued: this.queue.size,
      heldBackMs: this.heldBackMs,
    };
  }

  /** Ends the replay at the next step; `run` then resolves 'stopped'. */
  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<ReplayOutcome> {
    const { timeOf, speed, maxGapMs, pageSize, pollMs } = this.options;
    const clock = new ReplayClock(this.options.fromMs, speed, maxGapMs);
    let startedAt = this.timer.now();
    let last: T | null = null;
    let exhausted = false;
    while (!this.stopped) {
      if (!exhausted && this.queue.size < pageSize) {
        const limit = Math.min(pageSize, this.queue.room);
        const page = await this.source.next(last, limit);
        if (this.stopped) break;
        this.fetched += page.length;
        this.queue.push(...page);
        last = page.at(-1) ?? last;
        exhausted = page.length < limit;
      }
      const head = this.queue.peek();
      if (head === undefined) {
        if (exhausted) return 'finished';
        continue;
      }
      const momentMs = timeOf(head);
      const wait = startedAt + clock.dueAfterMs(momentMs) - this.timer.now();
      if (wait > 0) await this.timer.sleep(wait);
      while (!this.stopped && !this.sink.ready()) {
        const blockedAt = this.timer.now();
        await this.timer.sleep(pollMs);
        const blocked = this.timer.now() - blockedAt;
        this.heldBackMs += blocked;
        startedAt += blocked;
      }
      if (this.stopped) break;
      const moment = this.queue.shiftWhile((item) => timeOf(item) === momentMs);
      this.sink.send(moment);
      this.sent += moment.length;
    }
    return 'stopped';
  }
}
