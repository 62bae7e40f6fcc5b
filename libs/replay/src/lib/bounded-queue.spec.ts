import { BoundedQueue } from './bounded-queue';

describe('BoundedQueue', () => {
  it('holds at most its capacity and says how much room is left', () => {
    const queue = new BoundedQueue<number>(3);
    queue.push(1, 2);
    expect([queue.size, queue.room]).toEqual([2, 1]);
    expect(() => queue.push(3, 4)).toThrow('queue full: 2 more would exceed its capacity of 3');
    expect(queue.size).toBe(2);
  });

  it('takes items from the front while they belong together, in order', () => {
    const queue = new BoundedQueue<number>(5);
    queue.push(10, 10, 20, 30);
    expect(queue.shiftWhile((value) => value === 10)).toEqual([10, 10]);
    expect(queue.peek()).toBe(20);
    expect(queue.shiftWhile((value) => value === 99)).toEqual([]);
    expect(queue.size).toBe(2);
  });

  it('keeps the order across many rounds of filling and emptying', () => {
    const queue = new BoundedQueue<number>(4);
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round += 1) {
      while (queue.room > 0) queue.push(next++);
      let taken = 0;
      const take = 1 + (round % 3);
      out.push(...queue.shiftWhile(() => taken++ < take));
    }
    while (queue.size > 0) out.push(...queue.shiftWhile(() => true));
    expect(out).toEqual(Array.from({ length: next }, (_, index) => index));
  });
});
