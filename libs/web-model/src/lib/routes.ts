import { ADJUSTMENTS, Adjustment, BAR_INTERVALS, BarInterval } from '@securities/vocabulary';
import { REPLAY_MAX_SECURITIES, REPLAY_SPEED } from '@securities/replay';

/** The web app's pages and their state, kept in the URL's hash so every view has a link. */
export type Route =
  | { page: 'market'; date: string | null }
  | {
      page: 'security';
      securityId: string;
      interval: BarInterval;
      adjustment: Adjustment;
      /** A day zoomed into down to its ticks, or null for the bars. */
      day: string | null;
    }
  | {
      page: 'portfolio';
      portfolioId: string;
      /** Holdings as of this day (null: the last day). */
      date: string | null;
      /** The attribution's two dates (null: the whole span of the daily holdings). */
      from: string | null;
      to: string | null;
      /** The position whose own attribution is shown, or null. */
      position: string | null;
    }
  | { page: 'replay'; securities: string[]; from: string | null; speed: number };

export type PageName = Route['page'];

export const DEFAULT_SECURITY = 'SEC-0001';
export const DEFAULT_PORTFOLIO = 'PORT-001';
export const DEFAULT_INTERVAL: BarInterval = '1d';

const ID = /^[A-Z][A-Z0-9]{1,7}-[0-9]{1,7}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

const matching = (value: string | null, pattern: RegExp): string | null =>
  value !== null && pattern.test(value) ? value : null;

function speedOf(text: string | null): number {
  const speed = Number(text);
  if (text === null || !Number.isFinite(speed)) return REPLAY_SPEED.default;
  return Math.min(REPLAY_SPEED.max, Math.max(REPLAY_SPEED.min, Math.round(speed)));
}

/**
 * Reads `#/security/SEC-0003?interval=1w&adjustment=split`, `#/portfolio/PORT-004?date=...`,
 * `#/market?date=2025-03-28`, `#/replay?securities=SEC-0001,SEC-0002&from=...&speed=100`. Whatever
 * is missing or malformed takes its default: a link never breaks the page.
 */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#?\/?/, '').split('?', 2);
  const [page, id = ''] = path.split('/');
  const params = new URLSearchParams(query);
  const get = (name: string) => params.get(name);
  switch (page) {
    case 'security':
      return {
        page,
        securityId: matching(id, ID) ?? DEFAULT_SECURITY,
        interval: pick(get('interval'), BAR_INTERVALS, DEFAULT_INTERVAL),
        adjustment: pick(get('adjustment'), ADJUSTMENTS, 'raw'),
        day: matching(get('day'), DATE),
      };
    case 'portfolio':
      return {
        page,
        portfolioId: matching(id, ID) ?? DEFAULT_PORTFOLIO,
        date: matching(get('date'), DATE),
        from: matching(get('from'), DATE),
        to: matching(get('to'), DATE),
        position: matching(get('position'), ID),
      };
    case 'replay': {
      const securities = (get('securities') ?? DEFAULT_SECURITY)
        .split(',')
        .filter((security) => ID.test(security))
        .slice(0, REPLAY_MAX_SECURITIES);
      return {
        page,
        securities: securities.length > 0 ? [...new Set(securities)] : [DEFAULT_SECURITY],
        from: matching(get('from'), MOMENT),
        speed: speedOf(get('speed')),
      };
    }
    default:
      return { page: 'market', date: matching(get('date'), DATE) };
  }
}

function withQuery(path: string, params: Record<string, string | number | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) query.set(name, String(value));
  }
  const text = query.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `#/${path}?${text}` : `#/${path}`;
}

/** The hash for a route: parseRoute(formatRoute(route)) is the route again. */
export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'security':
      return withQuery(`security/${route.securityId}`, {
        interval: route.interval,
        adjustment: route.adjustment,
        day: route.day,
      });
    case 'portfolio':
      return withQuery(`portfolio/${route.portfolioId}`, {
        date: route.date,
        from: route.from,
        to: route.to,
        position: route.position,
      });
    case 'replay':
      return withQuery('replay', {
        securities: route.securities.join(','),
        from: route.from,
        speed: route.speed,
      });
    case 'market':
      return withQuery('market', { date: route.date });
  }
}
