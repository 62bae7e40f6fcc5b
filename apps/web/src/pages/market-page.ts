import type { MarketDailyBarResponse, MarketMoverResponse } from '@securities/contracts';
import {
  changeColor,
  DEFAULT_SECURITY,
  formatChangePercent,
  formatCompact,
  formatPrice,
  marketTreemap,
  PALETTE,
  Route,
  TreemapLeaf,
  TreemapSector,
} from '@securities/web-model';
import { getAllByOffset, getJson, lastTradingDay } from '../api';
import { h, replaceChildren } from '../dom';
import { init } from '../charts/treemap-chart';
import type { PageContext } from '../page';

type MarketRoute = Extract<Route, { page: 'market' }>;

const MARKET_PAGE_SIZE = 500;
const MOVERS_SHOWN = 8;

function moversTable(
  title: string,
  movers: MarketMoverResponse[],
  open: (securityId: string) => void,
): HTMLElement {
  return h(
    'section',
    {},
    h('h2', {}, title),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Ticker'),
          h('th', { class: 'number' }, 'Close'),
          h('th', { class: 'number' }, 'Change'),
        ),
      ),
      h(
        'tbody',
        {},
        ...movers.map((mover) =>
          h(
            'tr',
            { class: 'clickable', tabindex: 0, onclick: () => open(mover.security_id) },
            h('td', { title: mover.security_name }, mover.ticker),
            h('td', { class: 'number' }, formatPrice(mover.close)),
            h(
              'td',
              { class: `number ${(mover.change_percent ?? 0) >= 0 ? 'up' : 'down'}` },
              formatChangePercent(mover.change_percent),
            ),
          ),
        ),
      ),
    ),
  );
}

function legend(): HTMLElement {
  const stops = [-3, -1.5, 0, 1.5, 3].map((percent) => changeColor(percent));
  return h(
    'p',
    { class: 'caption', style: 'display:flex;align-items:center;gap:0.5rem' },
    'Change on the previous close: ',
    h('span', {}, '\u22123 %'),
    h('span', {
      style: `display:inline-block;width:160px;height:0.8rem;border-radius:3px;background:linear-gradient(90deg,${stops.join(',')})`,
      'aria-hidden': 'true',
    }),
    h('span', {}, '+3 % and more; area: value traded (close \u00d7 volume).'),
  );
}

export async function mount(
  container: HTMLElement,
  { route, navigate, signal }: PageContext<MarketRoute>,
): Promise<() => void> {
  const date = route.date ?? (await lastTradingDay(DEFAULT_SECURITY, signal));
  const rows = await getAllByOffset<MarketDailyBarResponse>(
    '/api/market/daily',
    { date },
    MARKET_PAGE_SIZE,
    signal,
  );
  const [gainers, losers] = await Promise.all(
    (['gainers', 'losers'] as const).map((direction) =>
      getJson<MarketMoverResponse[]>(
        '/api/market/movers',
        { date, direction, limit: MOVERS_SHOWN },
        signal,
      ),
    ),
  );
  const openSecurity = (securityId: string) =>
    navigate({ page: 'security', securityId, interval: '1d', adjustment: 'raw', day: null });
  const sectors = marketTreemap(rows);
  const chartElement = h('div', { class: 'chart tall', id: 'market-treemap' });
  chartElement.dataset.tiles = String(
    sectors.reduce((sum, sector) => sum + sector.children.length, 0),
  );
  replaceChildren(
    container,
    h('h1', {}, `The market on ${date}`),
    h(
      'div',
      { class: 'toolbar' },
      h(
        'label',
        {},
        'Trading day',
        h('input', {
          type: 'date',
          value: date,
          onchange: (event: Event) =>
            navigate({ page: 'market', date: (event.target as HTMLInputElement).value || null }),
        }),
      ),
      h(
        'span',
        { class: 'caption' },
        `${rows.length} securities traded in ${sectors.length} sectors.`,
      ),
    ),
    h(
      'div',
      { class: 'layout' },
      h('section', { 'aria-label': 'Market map' }, chartElement, legend()),
      h(
        'aside',
        {},
        moversTable('Gainers', gainers, openSecurity),
        moversTable('Losers', losers, openSecurity),
      ),
    ),
  );

  const chart = init(chartElement, undefined, { renderer: 'canvas' });
  chart.setOption({
    tooltip: {
      formatter: (info: {
        data: Partial<TreemapLeaf> & { name: string; value: number };
        treePathInfo: unknown[];
      }) =>
        `${info.data.name}: ${formatChangePercent(info.data.changePercent ?? null)}<br>traded ${formatCompact(info.data.value)}`,
    },
    series: [
      {
        type: 'treemap',
        name: 'Market',
        data: sectors,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        // A sector's name and change on one line, in the band above its tiles.
        upperLabel: {
          show: true,
          height: 22,
          color: PALETTE.text,
          fontWeight: 'bold',
          formatter: (info: { name: string; data?: Partial<TreemapSector> }) =>
            typeof info.data?.changePercent === 'number'
              ? `${info.name}  ${formatChangePercent(info.data.changePercent)}`
              : info.name,
        },
        itemStyle: { borderColor: PALETTE.background, borderWidth: 1, gapWidth: 1 },
        levels: [
          {
            itemStyle: {
              borderColor: PALETTE.border,
              borderWidth: 3,
              gapWidth: 3,
              color: PALETTE.surface,
            },
          },
          { itemStyle: { borderWidth: 1, gapWidth: 1 } },
        ],
        label: {
          show: true,
          lineHeight: 15,
          overflow: 'truncate',
          formatter: (info: { data: Partial<TreemapLeaf> & { name: string } }) =>
            `${info.data.name}\n${formatChangePercent(info.data.changePercent ?? null)}`,
        },
      },
    ],
  });
  chart.on('click', (event) => {
    const securityId = (event.data as Partial<TreemapLeaf> | undefined)?.securityId;
    if (securityId) openSecurity(securityId);
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
