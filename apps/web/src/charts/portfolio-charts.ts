// ECharts, tree-shaken: the bar (waterfall) and line (market value) charts with their axes.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import {
  floatingBar,
  formatCompact,
  formatMoney,
  formatSignedMoney,
  PALETTE,
  Waterfall,
  waterfallAxisMin,
} from '@securities/web-model';

use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type Chart = ReturnType<typeof init>;

const STEP_COLOURS = { total: PALETTE.accent, rise: PALETTE.up, fall: PALETTE.down } as const;

const AXIS = {
  axisLine: { lineStyle: { color: PALETTE.border } },
  axisLabel: { color: PALETTE.mutedText },
  splitLine: { lineStyle: { color: PALETTE.surface } },
};

/** Amounts in USD, compact (12.3M), the scale fitted to the data rather than to zero. */
const VALUE_AXIS = {
  type: 'value',
  scale: true,
  ...AXIS,
  axisLabel: { color: PALETTE.mutedText, formatter: formatCompact },
} as const;

function chartIn(element: HTMLElement): Chart {
  const chart = init(element, undefined, { renderer: 'canvas' });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.on('finished', () => element.setAttribute('data-drawn', 'true'));
  const dispose = chart.dispose.bind(chart);
  chart.dispose = () => {
    window.removeEventListener('resize', resize);
    dispose();
  };
  return chart;
}

/** Start, the four effects floating from the running total, end: each step labelled with its amount. */
export function drawWaterfall(element: HTMLElement, waterfall: Waterfall): Chart {
  const chart = chartIn(element);
  const bars = waterfall.steps.map(floatingBar);
  chart.setOption({
    animation: false,
    grid: { left: 90, right: 20, top: 30, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const step = waterfall.steps[items[0].dataIndex];
        return `${step.label}: ${step.kind === 'total' ? formatMoney(step.amount) : formatSignedMoney(step.amount)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: waterfall.steps.map((step) => step.label),
      ...AXIS,
      axisLabel: { color: PALETTE.mutedText, interval: 0 },
    },
    // The totals are cut where the axis starts, so that the effects between them show.
    yAxis: { ...VALUE_AXIS, min: waterfallAxisMin(waterfall) },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        stackStrategy: 'all',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: bars.map((bar) => bar.base),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        stackStrategy: 'all',
        barWidth: '55%',
        data: waterfall.steps.map((step, index) => ({
          value: bars[index].height,
          itemStyle: { color: STEP_COLOURS[step.kind] },
        })),
        label: {
          show: true,
          position: 'top',
          color: PALETTE.text,
          formatter: ({ dataIndex }: { dataIndex: number }) => {
            const step = waterfall.steps[dataIndex];
            return step.kind === 'total'
              ? formatCompact(step.amount)
              : `${step.amount >= 0 ? '+' : ''}${formatCompact(step.amount)}`;
          },
        },
      },
    ],
  });
  return chart;
}

/** Market value over time (USD), a point per day. */
export function drawMarketValue(
  element: HTMLElement,
  points: readonly { date: string; market_value: number }[],
): Chart {
  const chart = chartIn(element);
  chart.setOption({
    animation: false,
    grid: { left: 90, right: 20, top: 20, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number) => formatMoney(value),
    },
    xAxis: { type: 'category', data: points.map((point) => point.date), ...AXIS },
    yAxis: VALUE_AXIS,
    series: [
      {
        type: 'line',
        name: 'Market value',
        showSymbol: false,
        lineStyle: { color: PALETTE.accent, width: 2 },
        itemStyle: { color: PALETTE.accent },
        data: points.map((point) => point.market_value),
      },
    ],
  });
  return chart;
}
