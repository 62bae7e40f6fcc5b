import { DataSource, QueryRunner } from 'typeorm';
import { SessionQueue } from '../src/lib/phases/session-queue';

/** The queue only opens and releases sessions; what they run is the test's own work. */
const sessions = {
  createQueryRunner: () => ({ connect: async () => undefined, release: async () => undefined }),
} as unknown as DataSource;

/** A work item the test finishes (or fails) by hand. */
function manualWork() {
  const finishers = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const started: number[] = [];
  const work = (_runner: QueryRunner, item: number) =>
    new Promise<void>((resolve, reject) => {
      started.push(item);
      finishers.set(item, { resolve, reject });
    });
  return { work, started, finishers };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SessionQueue.drainTo: a producer waits while the work falls behind', () => {
  it('resolves at once while no more than the allowed items are pending', async () => {
    const { work } = manualWork();
    const queue = new SessionQueue<number>(sessions, work);
    queue.startSession();
    queue.add(1);
    await expect(queue.drainTo(1)).resolves.toBeUndefined();
  });

  it('waits until enough items are done, then resolves', async () => {
    const { work, finishers, started } = manualWork();
    const queue = new SessionQueue<number>(sessions, work);
    queue.startSession();
    queue.add(1);
    queue.add(2);
    queue.add(3);
    let caughtUp = false;
    const waiting = queue.drainTo(1).then(() => (caughtUp = true));
    await tick();
    expect(started).toEqual([1]);
    finishers.get(1)?.resolve();
    await tick();
    expect(caughtUp).toBe(false); // 2 and 3 still pending: more than one
    finishers.get(2)?.resolve();
    await waiting;
    expect(caughtUp).toBe(true);
    expect(started).toEqual([1, 2, 3]);
    finishers.get(3)?.resolve();
    await queue.finish();
  });

  it("rethrows a session's failure to the waiting producer instead of waiting forever", async () => {
    const { work, finishers } = manualWork();
    const queue = new SessionQueue<number>(sessions, work);
    queue.startSession();
    queue.add(1);
    queue.add(2);
    const waiting = queue.drainTo(0);
    await tick();
    finishers.get(1)?.reject(new Error('compression failed: disk full'));
    await expect(waiting).rejects.toThrow('compression failed: disk full');
    await expect(queue.finish()).rejects.toThrow('compression failed: disk full');
  });
});
