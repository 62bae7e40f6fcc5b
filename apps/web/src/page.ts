import type { Route } from '@securities/web-model';

export interface PageContext<R extends Route = Route> {
  route: R;
  /** Shows another route (its hash goes into the address bar and history). */
  navigate(route: Route): void;
  /** Aborted when the page is left: its requests and sockets stop. */
  signal: AbortSignal;
}

/** A page fills `container` for its route and returns what to undo when it is left. */
export type MountPage<R extends Route> = (
  container: HTMLElement,
  context: PageContext<R>,
) => Promise<(() => void) | void>;
