import { DataSource, QueryRunner } from 'typeorm';

/**
 * Work the tick load hands to database sessions of their own (a month's partition index, a
 * month's compression), so it runs while the next month loads: items are done in the order they
 * are added; the first failure stops every session and is rethrown by `finish`.
 */
export class SessionQueue<T> {
  private readonly queue: T[] = [];
  private waiting: (() => void)[] = [];
  private closed = false;
  private readonly sessions: Promise<void>[] = [];
  private failure: Error | undefined;
  private added = 0;
  private done = 0;
  private progressWaiters: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly work: (runner: QueryRunner, item: T) => Promise<void>,
  ) {}

  add(item: T): void {
    this.added += 1;
    this.queue.push(item);
    this.waiting.shift()?.();
  }

  /**
   * Resolves once at most `pending` of the items added so far are not done: how a producer keeps
   * the work from falling behind (and throws the sessions' failure, so the producer stops too).
   */
  async drainTo(pending: number): Promise<void> {
    while (this.added - this.done > pending && !this.failure)
      await new Promise<void>((resolve) => this.progressWaiters.push(resolve));
    if (this.failure) throw this.failure;
  }

  startSession(): void {
    this.sessions.push(
      this.session().catch((error: Error) => {
        this.failure ??= error;
        this.wakeProgress();
      }),
    );
  }

  private wakeProgress(): void {
    const waiters = this.progressWaiters;
    this.progressWaiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Drops what is still queued (the load failed): sessions stop after their current item. */
  async abandon(): Promise<void> {
    this.queue.length = 0;
    await this.finish().catch(() => undefined);
  }

  /** Nothing more will come: sessions stop once the queue is empty. */
  async finish(): Promise<void> {
    this.closed = true;
    this.waiting.forEach((wake) => wake());
    this.waiting = [];
    await Promise.all(this.sessions);
    if (this.failure) throw this.failure;
  }

  private async next(): Promise<T | undefined> {
    for (;;) {
      if (this.failure) return undefined;
      if (this.queue.length > 0) return this.queue.shift();
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async session(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      for (let item = await this.next(); item !== undefined; item = await this.next()) {
        await this.work(runner, item);
        this.done += 1;
        this.wakeProgress();
      }
    } finally {
      await runner.release();
    }
  }
}
