import { ReplaySink, ReplaySource, ReplayTimer } from './run-replay';

/** Test doubles for the replay: virtual time, an array as the source, a recording sink. */

export interface Item {
  id: string;
  /** Market time, ms. */
  t: number;
}

export class VirtualTimer implements ReplayTimer {
  time = 0;
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
  }
}

export class ArraySource implements ReplaySource<Item> {
  reads: { after: string | null; limit: number }[] = [];
  constructor(private readonly items: Item[]) {}
  async next(after: Item | null, limit: number): Promise<Item[]> {
    this.reads.push({ after: after?.id ?? null, limit });
    const start = after === null ? 0 : this.items.indexOf(after) + 1;
    return this.items.slice(start, start + limit);
  }
}

export class RecordingSink implements ReplaySink<Item> {
  sends: { at: number; ids: string[] }[] = [];
  /** Returns whether the sink takes more now; ready by default. */
  isReady: () => boolean = () => true;
  constructor(private readonly timer: VirtualTimer) {}
  send(moment: Item[]): void {
    this.sends.push({ at: this.timer.now(), ids: moment.map((item) => item.id) });
  }
  ready(): boolean {
    return this.isReady();
  }
}

/** `count` items every `stepMs` for each of `securities`, from time 0. */
export function itemsEvery(stepMs: number, count: number, securities = ['A']): Item[] {
  return Array.from({ length: count }, (_, step) =>
    securities.map((security) => ({ id: `${security}${step}`, t: step * stepMs })),
  ).flat();
}
