import { PALETTE } from '@securities/web-model';
import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  IChartApi,
  ISeriesApi,
  LineSeries,
} from 'lightweight-charts';

/** A lightweight-charts chart in the app's colours, times on the exchange's clock (see chart-time). */
export function createPriceChart(element: HTMLElement, intraday: boolean): IChartApi {
  return createChart(element, {
    autoSize: true,
    layout: {
      background: { color: PALETTE.background },
      textColor: PALETTE.text,
      fontFamily: getComputedStyle(document.documentElement).fontFamily,
    },
    grid: {
      vertLines: { color: PALETTE.surface },
      horzLines: { color: PALETTE.surface },
    },
    rightPriceScale: { borderColor: PALETTE.border },
    timeScale: { borderColor: PALETTE.border, timeVisible: intraday, secondsVisible: false },
    localization: { locale: 'en-US' },
  });
}

export function addCandles(chart: IChartApi): ISeriesApi<'Candlestick'> {
  const series = chart.addSeries(CandlestickSeries, {
    upColor: PALETTE.up,
    downColor: PALETTE.down,
    borderVisible: false,
    wickUpColor: PALETTE.up,
    wickDownColor: PALETTE.down,
  });
  series.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.28 } });
  return series;
}

/** Volume as columns in the bottom fifth, on a scale of their own. */
export function addVolume(chart: IChartApi): ISeriesApi<'Histogram'> {
  const series = chart.addSeries(HistogramSeries, {
    priceFormat: { type: 'volume' },
    priceScaleId: 'volume',
    lastValueVisible: false,
    priceLineVisible: false,
  });
  series.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  return series;
}

export function addLine(chart: IChartApi, color: string, lineWidth: 1 | 2): ISeriesApi<'Line'> {
  return chart.addSeries(LineSeries, {
    color,
    lineWidth,
    priceLineVisible: false,
    lastValueVisible: lineWidth > 1,
  });
}
