import type { PortfolioResponse } from '@securities/contracts';
import {
  AttributionInput,
  DEFAULT_HOLDINGS_SORT,
  formatMoney,
  formatSignedMoney,
  formatWeight,
  HoldingColumn,
  HoldingInput,
  HoldingsSort,
  nextSort,
  Route,
  sortHoldings,
  SummaryInput,
  summaryAsAttribution,
  waterfallOf,
  weightBarPercent,
} from '@securities/web-model';
import { getAll, getAllByOffset, getJson } from '../api';
import { Chart, drawMarketValue, drawWaterfall } from '../charts/portfolio-charts';
import { h, replaceChildren } from '../dom';
import type { PageContext } from '../page';

type PortfolioRoute = Extract<Route, { page: 'portfolio' }>;

// The shapes of the portfolio endpoints (GET /api/portfolios/{id}/holdings, /performance and
// /api/variance/portfolio/{id}?from=&to=), as far as this page reads them.
interface Holding extends HoldingInput {
  as_of_date: string;
}
interface PerformancePoint {
  date: string;
  market_value: number;
  cumulative_return: number | null;
}
interface Performance {
  from: string;
  to: string;
  series: PerformancePoint[];
}
interface PositionAttribution extends AttributionInput {
  security_id: string;
  ticker: string;
  security_name: string;
  total_pnl: number;
}
interface Attribution {
  summary: SummaryInput & { period_from?: string; period_to?: string };
  details: PositionAttribution[];
}

const HOLDINGS_PAGE_SIZE = 500;
const MOVERS_SHOWN = 10;

const HOLDING_COLUMNS: { column: HoldingColumn; label: string; numeric: boolean }[] = [
  { column: 'ticker', label: 'Ticker', numeric: false },
  { column: 'security_name', label: 'Name', numeric: false },
  { column: 'quantity', label: 'Quantity', numeric: true },
  { column: 'market_value', label: 'Market value (USD)', numeric: true },
  { column: 'weight', label: 'Weight', numeric: false },
];

function holdingsTable(rows: Holding[]): HTMLElement {
  let sort: HoldingsSort = DEFAULT_HOLDINGS_SORT;
  const table = h('table', { id: 'holdings' });
  const draw = () => {
    const header = h(
      'tr',
      {},
      ...HOLDING_COLUMNS.map(({ column, label, numeric }) =>
        h(
          'th',
          {
            class: numeric ? 'number' : null,
            'aria-sort':
              sort.column === column
                ? sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : null,
          },
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                sort = nextSort(sort, column);
                draw();
              },
            },
            label,
          ),
        ),
      ),
    );
    const body = sortHoldings(rows, sort).map((row) =>
      h(
        'tr',
        { 'data-security': row.security_id },
        h('td', {}, row.ticker),
        h('td', {}, row.security_name),
        h('td', { class: 'number' }, formatMoney(row.quantity).replace(/\.00$/, '')),
        h('td', { class: 'number' }, formatMoney(row.market_value)),
        h(
          'td',
          {},
          h(
            'span',
            { class: 'weight' },
            h('span', {
              class: `bar${row.weight < 0 ? ' short' : ''}`,
              // Bars up to 80 px: the largest |weight| fills it.
              style: `width:${(0.8 * weightBarPercent(row.weight, rows)).toFixed(1)}px`,
              'aria-hidden': 'true',
            }),
            formatWeight(row.weight),
          ),
        ),
      ),
    );
    replaceChildren(table, h('thead', {}, header), h('tbody', {}, ...body));
  };
  draw();
  return table;
}

function moversTable(
  details: PositionAttribution[],
  selected: string | null,
  choose: (securityId: string | null) => void,
): HTMLElement {
  return h(
    'table',
    { id: 'top-movers' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Position'),
        h('th', { class: 'number' }, 'P&L (USD)'),
        h('th', { class: 'number' }, 'Price'),
        h('th', { class: 'number' }, 'Quantity'),
      ),
    ),
    h(
      'tbody',
      {},
      ...details.slice(0, MOVERS_SHOWN).map((row) =>
        h(
          'tr',
          {
            class: 'clickable',
            tabindex: 0,
            'data-security': row.security_id,
            'aria-selected': String(row.security_id === selected),
            onclick: () => choose(row.security_id === selected ? null : row.security_id),
            onkeydown: (event: Event) => {
              if ((event as KeyboardEvent).key === 'Enter') choose(row.security_id);
            },
          },
          h('td', { title: row.security_name }, row.ticker),
          h(
            'td',
            { class: `number ${row.total_pnl >= 0 ? 'up' : 'down'}` },
            formatSignedMoney(row.total_pnl),
          ),
          h('td', { class: 'number' }, formatSignedMoney(row.price_effect)),
          h('td', { class: 'number' }, formatSignedMoney(row.qty_effect)),
        ),
      ),
    ),
  );
}

function dateInput(label: string, id: string, value: string, min: string, max: string) {
  return h('input', { type: 'date', id, value, min, max, 'aria-label': label });
}

export async function mount(
  container: HTMLElement,
  { route, navigate, signal }: PageContext<PortfolioRoute>,
): Promise<() => void> {
  const id = route.portfolioId;
  const [portfolios, performance] = await Promise.all([
    getAll<PortfolioResponse>('/api/portfolios', {}, signal),
    getJson<Performance>(`/api/portfolios/${id}/performance`, {}, signal),
  ]);
  const portfolio = portfolios.find((candidate) => candidate.portfolio_id === id);
  if (!portfolio) throw new Error(`No portfolio ${id}`);
  const first = performance.series[0]?.date ?? performance.from;
  const last = performance.to;
  const from = route.from ?? first;
  const to = route.to ?? last;
  const [holdings, attribution] = await Promise.all([
    getAllByOffset<Holding>(
      `/api/portfolios/${id}/holdings`,
      { date: route.date ?? last },
      HOLDINGS_PAGE_SIZE,
      signal,
    ),
    getJson<Attribution>(`/api/variance/portfolio/${id}`, { from, to }, signal),
  ]);
  const go = (change: Partial<PortfolioRoute>) => navigate({ ...route, ...change });

  const position = attribution.details.find((row) => row.security_id === route.position);
  const shown: AttributionInput = position ?? summaryAsAttribution(attribution.summary);
  const waterfall = waterfallOf(shown);
  const holdingsDate = holdings[0]?.as_of_date ?? route.date ?? last;

  const fromInput = dateInput('Attribution from', 'attribution-from', from, first, last);
  const toInput = dateInput('Attribution to', 'attribution-to', to, first, last);
  const valueChart = h('div', { class: 'chart short', id: 'market-value-chart' });
  const waterfallChart = h('div', { class: 'chart', id: 'waterfall-chart' });
  // What the browser test checks against the numbers shown: the steps' amounts and the end.
  waterfallChart.dataset.steps = JSON.stringify(waterfall.steps.map((step) => step.amount));
  waterfallChart.dataset.gapCents = String(waterfall.gapCents);

  replaceChildren(
    container,
    h('h1', {}, `${portfolio.portfolio_name} (${portfolio.portfolio_id})`),
    h(
      'div',
      { class: 'toolbar' },
      h(
        'label',
        {},
        'Portfolio',
        h(
          'select',
          {
            id: 'portfolio-picker',
            onchange: (event: Event) =>
              navigate({
                page: 'portfolio',
                portfolioId: (event.target as HTMLSelectElement).value,
                date: null,
                from: null,
                to: null,
                position: null,
              }),
          },
          ...portfolios.map((candidate) =>
            h(
              'option',
              { value: candidate.portfolio_id, selected: candidate.portfolio_id === id },
              `${candidate.portfolio_id} ${candidate.portfolio_name}`,
            ),
          ),
        ),
      ),
      h(
        'span',
        { class: 'caption' },
        `${portfolio.portfolio_type}, benchmark ${portfolio.benchmark}, since ${portfolio.inception_date}`,
      ),
    ),
    h(
      'section',
      { 'aria-label': 'Market value over time' },
      h('h2', {}, `Market value, ${first} to ${last}`),
      valueChart,
    ),
    h(
      'div',
      { class: 'two-columns' },
      h(
        'section',
        { 'aria-label': 'Variance attribution' },
        h('h2', {}, position ? `Attribution of ${position.ticker}` : 'Variance attribution'),
        h(
          'form',
          {
            class: 'toolbar',
            onsubmit: (event: Event) => {
              event.preventDefault();
              go({ from: fromInput.value || null, to: toInput.value || null });
            },
          },
          h('label', {}, 'From', fromInput),
          h('label', {}, 'To', toInput),
          h('button', { type: 'submit' }, 'Attribute'),
          position
            ? h(
                'button',
                { type: 'button', onclick: () => go({ position: null }) },
                'Whole portfolio',
              )
            : null,
        ),
        waterfallChart,
        h(
          'p',
          { class: 'caption', id: 'waterfall-caption' },
          `${attribution.summary.period_from ?? from} to ${attribution.summary.period_to ?? to}: `,
          `start ${formatMoney(waterfall.steps[0].amount)} + price, quantity, FX and corporate-action effects = end `,
          h('strong', { id: 'waterfall-end' }, formatMoney(waterfall.end)),
          ` USD${waterfall.gapCents === 0 ? '' : ` (the effects miss it by ${waterfall.gapCents} cents)`}.`,
        ),
      ),
      h(
        'section',
        { 'aria-label': 'Top movers' },
        h('h2', {}, 'Top movers'),
        moversTable(attribution.details, route.position, (securityId) =>
          go({ position: securityId }),
        ),
        h('p', { class: 'caption' }, 'Click a position to see its own attribution.'),
      ),
    ),
    h(
      'section',
      { 'aria-label': 'Holdings' },
      h('h2', {}, `Holdings on ${holdingsDate}`),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'label',
          {},
          'As of',
          h('input', {
            type: 'date',
            id: 'holdings-date',
            value: holdingsDate,
            min: first,
            max: last,
            onchange: (event: Event) =>
              go({ date: (event.target as HTMLInputElement).value || null }),
          }),
        ),
        h(
          'span',
          { class: 'caption' },
          `${holdings.length} positions; a weekend or holiday shows the trading day before it.`,
        ),
      ),
      holdingsTable(holdings),
    ),
  );

  const charts: Chart[] = [
    drawMarketValue(valueChart, performance.series),
    drawWaterfall(waterfallChart, waterfall),
  ];
  return () => charts.forEach((chart) => chart.dispose());
}
