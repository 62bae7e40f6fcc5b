/** A first-in first-out queue that refuses to hold more than its capacity. */
export class BoundedQueue<T> {
  private items: T[] = [];
  private head = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.items.length - this.head;
  }

  get room(): number {
    return this.capacity - this.size;
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  push(...values: T[]): void {
    if (values.length > this.room) {
      throw new RangeError(
        `queue full: ${values.length} more would exceed its capacity of ${this.capacity}`,
      );
    }
    this.items.push(...values);
  }

  /** Removes and returns the first items while `belongs` holds for them. */
  shiftWhile(belongs: (value: T) => boolean): T[] {
    const start = this.head;
    while (this.head < this.items.length && belongs(this.items[this.head])) this.head += 1;
    const taken = this.items.slice(start, this.head);
    // Compact once the consumed part dominates, so the array never grows past twice the capacity.
    if (this.head > this.capacity) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return taken;
  }
}
