import type {
  BarResponse,
  SecurityCorporateActionResponse,
  SecurityResponse,
  TickResponse,
} from '@securities/contracts';
import { ADJUSTMENTS, BAR_INTERVALS } from '@securities/vocabulary';
import {
  BARS_SHOWN,
  candlesFrom,
  chartSeconds,
  dayOf,
  eventMarkers,
  formatInteger,
  formatPrice,
  PALETTE,
  RatingInput,
  Route,
} from '@securities/web-model';
import { createSeriesMarkers, IChartApi, Time } from 'lightweight-charts';
import { apiUrl, getAllByOffset, getJson, getPage } from '../api';
import { h, replaceChildren, segmented } from '../dom';
import { addCandles, addLine, addVolume, createPriceChart } from '../charts/price-chart';
import type { PageContext } from '../page';

type SecurityRoute = Extract<Route, { page: 'security' }>;

const SECURITIES_PAGE_SIZE = 500;

function referenceData(security: SecurityResponse): HTMLElement {
  const facts: [string, string | number | null][] = [
    ['Name', security.security_name],
    ['Ticker', security.ticker],
    ['Type', `${security.security_type} (${security.asset_class})`],
    ['ISIN', security.isin],
    ['CUSIP', security.cusip],
    ['SEDOL', security.sedol],
    ['Currency', security.currency],
    ['Exchange', security.exchange],
    ['Issuer', security.issuer_id],
    ['Issued', security.issue_date],
    ['Maturity', security.maturity_date],
    ['Coupon', security.coupon_rate === null ? null : `${security.coupon_rate} %`],
    ['Status', security.status],
  ];
  return h(
    'dl',
    { class: 'facts' },
    ...facts
      .filter(([, value]) => value !== null)
      .flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function actionsTable(actions: SecurityCorporateActionResponse[]): HTMLElement {
  if (actions.length === 0) return h('p', { class: 'caption' }, 'No corporate actions.');
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, 'Ex-date'), h('th', {}, 'Action'), h('th', {}, 'Terms')),
    ),
    h(
      'tbody',
      {},
      ...actions.map((action) =>
        h(
          'tr',
          {},
          h('td', {}, action.ex_date),
          h('td', {}, action.action_type),
          h('td', {}, action.ratio !== null ? `${action.ratio}:1` : (action.amount ?? '')),
        ),
      ),
    ),
  );
}

/** The bars of the route, newest last; `query` is the request, for the caption and the tests. */
async function drawBars(
  chart: IChartApi,
  route: SecurityRoute,
  actions: SecurityCorporateActionResponse[],
  ratings: RatingInput[],
  signal: AbortSignal,
): Promise<{ query: string; drawn: number; last: BarResponse | undefined }> {
  const query = apiUrl(`/api/securities/${route.securityId}/bars`, {
    interval: route.interval,
    adjustment: route.adjustment,
    sort: 'desc',
    limit: BARS_SHOWN[route.interval],
  });
  const bars = (await getPage<BarResponse[]>(query, signal)).body.reverse();
  const { candles, volumes } = candlesFrom(bars);
  const candleSeries = addCandles(chart);
  candleSeries.setData(candles.map((candle) => ({ ...candle, time: candle.time as Time })));
  addVolume(chart).setData(volumes.map((volume) => ({ ...volume, time: volume.time as Time })));
  createSeriesMarkers(
    candleSeries,
    eventMarkers(bars, route.interval, actions, ratings).map((marker) => ({
      ...marker,
      time: marker.time as Time,
    })),
  );
  chart.timeScale().fitContent();
  return {
    query,
    drawn: candleSeries.data().length,
    last: bars.at(-1),
  };
}

/** One day's ticks: the traded price, with the bid and the ask as a band around it. */
async function drawTicks(
  chart: IChartApi,
  route: SecurityRoute & { day: string },
  signal: AbortSignal,
): Promise<{ query: string; drawn: number; more: boolean }> {
  // A day holds about 1,170 ticks: one page of the API's default 5,000.
  const query = apiUrl(`/api/securities/${route.securityId}/ticks`, {
    from: route.day,
    to: route.day,
  });
  const { body: ticks, next } = await getPage<TickResponse[]>(query, signal);
  const at = (tick: TickResponse) => chartSeconds(tick.tick_time) as Time;
  addLine(chart, PALETTE.ask, 1).setData(
    ticks.map((tick) => ({ time: at(tick), value: tick.ask })),
  );
  addLine(chart, PALETTE.bid, 1).setData(
    ticks.map((tick) => ({ time: at(tick), value: tick.bid })),
  );
  const price = addLine(chart, PALETTE.text, 2);
  price.setData(ticks.map((tick) => ({ time: at(tick), value: tick.price })));
  chart.timeScale().fitContent();
  return { query, drawn: price.data().length, more: next !== null };
}

export async function mount(
  container: HTMLElement,
  { route, navigate, signal }: PageContext<SecurityRoute>,
): Promise<() => void> {
  const id = route.securityId;
  const [security, actions, securities] = await Promise.all([
    getJson<SecurityResponse>(`/api/securities/${id}`, {}, signal),
    getJson<SecurityCorporateActionResponse[]>(
      `/api/securities/${id}/corporate-actions`,
      {},
      signal,
    ),
    getAllByOffset<SecurityResponse>('/api/securities', {}, SECURITIES_PAGE_SIZE, signal),
  ]);
  // Rating changes are marked for bonds (an equity's issuer ratings say little about its price).
  const ratings =
    security.security_type === 'BOND'
      ? await getJson<RatingInput[]>(`/api/securities/${id}/ratings`, {}, signal)
      : [];
  const go = (change: Partial<SecurityRoute>) => navigate({ ...route, ...change });

  const picker = h('input', {
    id: 'security-picker',
    list: 'security-list',
    value: id,
    size: 12,
    'aria-label': 'Security',
    onchange: (event: Event) => {
      const value = (event.target as HTMLInputElement).value.trim().toUpperCase();
      const known = securities.find((s) => s.security_id === value || s.ticker === value);
      if (known) go({ securityId: known.security_id, day: null });
    },
  });
  const dayPicker = h('input', {
    type: 'date',
    'aria-label': 'Day to show tick by tick',
    value: route.day ?? '',
    onchange: (event: Event) => go({ day: (event.target as HTMLInputElement).value || null }),
  });
  const chartElement = h('div', { class: 'chart tall', id: 'price-chart' });
  const caption = h('p', { class: 'caption', id: 'chart-caption' });
  replaceChildren(
    container,
    h('h1', {}, `${security.security_name} (${security.ticker})`),
    h(
      'div',
      { class: 'toolbar' },
      h('label', {}, 'Security', picker),
      h(
        'datalist',
        { id: 'security-list' },
        ...securities.map((s) =>
          h('option', { value: s.security_id }, `${s.ticker} ${s.security_name}`),
        ),
      ),
      segmented('Interval', BAR_INTERVALS, route.interval, (interval) =>
        go({ interval, day: null }),
      ),
      segmented('Adjustment', ADJUSTMENTS, route.adjustment, (adjustment) => go({ adjustment })),
      h('label', {}, 'Ticks of', dayPicker),
      route.day
        ? h('button', { type: 'button', onclick: () => go({ day: null }) }, 'Back to bars')
        : null,
    ),
    h(
      'div',
      { class: 'layout' },
      h('section', { 'aria-label': 'Chart' }, chartElement, caption),
      h(
        'aside',
        {},
        h('div', { class: 'panel' }, h('h2', {}, 'Reference data'), referenceData(security)),
        h('h2', {}, 'Corporate actions'),
        actionsTable(actions),
      ),
    ),
  );

  const chart = createPriceChart(
    chartElement,
    route.day !== null || route.interval.endsWith('m') || route.interval === '1h',
  );
  if (route.day !== null) {
    const { query, drawn, more } = await drawTicks(chart, { ...route, day: route.day }, signal);
    chartElement.dataset.query = query;
    chartElement.dataset.ticks = String(drawn);
    caption.textContent =
      drawn === 0
        ? `No ticks on ${route.day}.`
        : `${more ? 'The first ' : ''}${formatInteger(drawn)} ticks on ${route.day}: the traded price (black) between the bid (blue) and the ask (purple).`;
  } else {
    const { query, drawn, last } = await drawBars(chart, route, actions, ratings, signal);
    chartElement.dataset.query = query;
    chartElement.dataset.candles = String(drawn);
    caption.textContent =
      last === undefined
        ? 'No bars for this security.'
        : `${formatInteger(drawn)} ${route.interval} bars, prices ${route.adjustment === 'raw' ? 'as traded' : `adjusted (${route.adjustment})`}; the newest ${dayOf(last.bar_time)} closed at ${formatPrice(last.close)}. Click a bar to see its day tick by tick.`;
    chart.subscribeClick((param) => {
      if (typeof param.time === 'number') {
        go({ day: new Date(param.time * 1000).toISOString().slice(0, 10) });
      }
    });
  }
  return () => chart.remove();
}
