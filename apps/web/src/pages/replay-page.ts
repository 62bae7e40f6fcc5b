import { REPLAY_PATH, ReplayServerMessage, ReplayTick } from '@securities/replay';
import { Candle, foldTick, formatInteger, formatPrice, Route } from '@securities/web-model';
import { Time } from 'lightweight-charts';
import { lastTradingDay } from '../api';
import { errorBox, h, replaceChildren } from '../dom';
import { addCandles, createPriceChart } from '../charts/price-chart';
import type { PageContext } from '../page';

type ReplayRoute = Extract<Route, { page: 'replay' }>;

const SPEEDS = [1, 10, 60, 100, 300, 1000] as const;
const TAPE_LENGTH = 25;

function replayUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REPLAY_PATH}`;
}

export async function mount(
  container: HTMLElement,
  { route, navigate, signal }: PageContext<ReplayRoute>,
): Promise<() => void> {
  // Without a start in the link: the open of the newest trading day.
  const from = route.from ?? `${await lastTradingDay(route.securities[0], signal)}T09:30`;
  const securitiesInput = h('input', {
    id: 'replay-securities',
    value: route.securities.join(','),
    size: 30,
    'aria-label': 'Securities, comma-separated',
  });
  const fromInput = h('input', {
    id: 'replay-from',
    type: 'datetime-local',
    step: 20,
    value: from,
    'aria-label': 'Replay from (exchange time)',
  });
  const speedSelect = h(
    'select',
    { id: 'replay-speed', 'aria-label': 'Speed' },
    ...[...new Set([...SPEEDS, route.speed])]
      .sort((a, b) => a - b)
      .map((speed) => h('option', { value: speed, selected: speed === route.speed }, `${speed}x`)),
  );
  const start = () =>
    navigate({
      page: 'replay',
      securities: securitiesInput.value
        .split(',')
        .map((security) => security.trim().toUpperCase())
        .filter(Boolean),
      from: fromInput.value,
      speed: Number(speedSelect.value),
    });
  const status = h('p', { class: 'caption', id: 'replay-status' }, 'Connecting\u2026');
  const errors = h('div', { id: 'replay-errors' });
  const chartElement = h('div', { class: 'chart', id: 'replay-chart' });
  const tapeBody = h('tbody', {});
  replaceChildren(
    container,
    h('h1', {}, 'Replay'),
    h(
      'form',
      {
        class: 'toolbar',
        onsubmit: (event: Event) => {
          event.preventDefault();
          start();
        },
      },
      h('label', {}, 'Securities', securitiesInput),
      h('label', {}, 'From', fromInput),
      h('label', {}, 'Speed', speedSelect),
      h('button', { type: 'submit' }, 'Replay'),
    ),
    status,
    errors,
    h(
      'div',
      { class: 'two-columns' },
      h(
        'section',
        { 'aria-label': 'Live chart' },
        chartElement,
        h(
          'p',
          { class: 'caption' },
          `One-minute candles of ${route.securities[0]}, built from the ticks as they arrive.`,
        ),
      ),
      h(
        'section',
        { 'aria-label': 'Ticks', class: 'tape' },
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Time'),
              h('th', {}, 'Security'),
              h('th', { class: 'number' }, 'Price'),
              h('th', { class: 'number' }, 'Bid'),
              h('th', { class: 'number' }, 'Ask'),
            ),
          ),
          tapeBody,
        ),
      ),
    ),
  );

  const chart = createPriceChart(chartElement, true);
  const series = addCandles(chart);
  const candles: Candle[] = [];
  let received = 0;
  let lastTime = '';
  let inOrder = true;
  const showTick = (tick: ReplayTick) => {
    received += 1;
    if (tick.tick_time < lastTime) inOrder = false;
    lastTime = tick.tick_time;
    if (tick.security_id === route.securities[0]) {
      const candle = foldTick(candles, tick);
      series.update({ ...candle, time: candle.time as Time });
    }
    tapeBody.prepend(
      h(
        'tr',
        {},
        h('td', {}, tick.tick_time.slice(11)),
        h('td', {}, tick.security_id),
        h('td', { class: 'number' }, formatPrice(tick.price)),
        h('td', { class: 'number' }, formatPrice(tick.bid)),
        h('td', { class: 'number' }, formatPrice(tick.ask)),
      ),
    );
    while (tapeBody.rows.length > TAPE_LENGTH) tapeBody.lastElementChild?.remove();
  };
  const report = (text: string) => {
    status.textContent = text;
    // What the browser test reads: how many ticks came, and whether their times never went back.
    chartElement.dataset.received = String(received);
    chartElement.dataset.inOrder = String(inOrder);
    chartElement.dataset.lastTickTime = lastTime;
  };

  const socket = new WebSocket(replayUrl());
  socket.addEventListener('open', () => {
    socket.send(
      JSON.stringify({
        event: 'subscribe',
        data: { securities: route.securities, from, speed: route.speed },
      }),
    );
  });
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as ReplayServerMessage;
    switch (message.event) {
      case 'subscribed':
        report(
          `Replaying ${message.data.securities.join(', ')} from ${message.data.from} at ${message.data.speed}x.`,
        );
        break;
      case 'ticks':
        message.data.forEach(showTick);
        report(
          `Replaying at ${route.speed}x: ${formatInteger(received)} ticks, the last at ${lastTime}.`,
        );
        break;
      case 'end':
        report(
          `Replay finished: ${formatInteger(message.data.ticks)} ticks, the last at ${lastTime}.`,
        );
        break;
      case 'error':
        replaceChildren(errors, errorBox(message.data.message));
        report('The replay did not start.');
        break;
    }
  });
  socket.addEventListener('close', () => {
    if (!signal.aborted) report(`${status.textContent} Connection closed.`);
  });
  return () => {
    socket.close();
    chart.remove();
  };
}
