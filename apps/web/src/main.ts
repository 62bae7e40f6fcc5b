import { formatRoute, parseRoute, Route } from '@securities/web-model';
import { errorBox, h, replaceChildren } from './dom';
import type { MountPage } from './page';

// Each page is its own chunk: a first visit downloads the router and the one page it shows.
const PAGES: {
  [P in Route['page']]?: () => Promise<{ mount: MountPage<Extract<Route, { page: P }>> }>;
} = {
  market: () => import('./pages/market-page'),
  security: () => import('./pages/security-page'),
  portfolio: () => import('./pages/portfolio-page'),
  replay: () => import('./pages/replay-page'),
};

const container = document.getElementById('page') as HTMLElement;
let leaveCurrent: () => void = () => undefined;

function navigate(route: Route): void {
  location.hash = formatRoute(route);
}

async function show(): Promise<void> {
  leaveCurrent();
  const parsed = parseRoute(location.hash);
  const route: Route = PAGES[parsed.page] ? parsed : { page: 'market', date: null };
  const controller = new AbortController();
  let dispose: (() => void) | void;
  leaveCurrent = () => {
    controller.abort();
    dispose?.();
  };
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-page]')) {
    if (link.dataset.page === route.page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.page = route.page;
  document.body.removeAttribute('data-ready');
  replaceChildren(container, h('p', { class: 'caption' }, 'Loading\u2026'));
  try {
    const page = await (PAGES[route.page] as NonNullable<(typeof PAGES)['market']>)();
    dispose = await (page.mount as MountPage<Route>)(container, {
      route,
      navigate,
      signal: controller.signal,
    });
    if (controller.signal.aborted) dispose?.();
  } catch (error) {
    if (controller.signal.aborted) return;
    replaceChildren(container, errorBox(error));
  }
  // Tests and screenshots wait for this: the page has drawn what it loaded.
  if (!controller.signal.aborted) document.body.dataset.ready = route.page;
}

window.addEventListener('hashchange', () => void show());
void show();
