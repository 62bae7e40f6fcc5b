import { BadRequestException, Injectable } from '@nestjs/common';
import {
  INDICATOR_MAX_BARS,
  IndicatorQuery,
  IndicatorValueResponse,
  MacdValueResponse,
} from '@securities/contracts';
import {
  ema,
  INDICATOR_DECIMALS,
  macd,
  MACD_DEFAULTS,
  MarketDataInputError,
  resolveTimeRange,
  rsi,
  sma,
} from '@securities/market-data';
import { Indicator } from '@securities/vocabulary';
import Decimal from 'decimal.js';
import { barTime } from '../bars/bar-response';
import { BarsService } from '../bars/bars.service';
import { MarketDataContextService } from '../market-data/market-data-context.service';

/** Window lengths when none is given (the common choices). */
export const DEFAULT_WINDOWS: Readonly<Record<Exclude<Indicator, 'macd'>, number>> = {
  sma: 20,
  ema: 20,
  rsi: 14,
};

const MACD_PARAMETERS = ['fast', 'slow', 'signal'] as const;
const value = (decimal: Decimal) => decimal.toDecimalPlaces(INDICATOR_DECIMALS).toNumber();

/** SMA, EMA, RSI and MACD over the closes of a security's bars (@securities/market-data). */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly context: MarketDataContextService,
    private readonly bars: BarsService,
  ) {}

  /** A parameter that belongs to another indicator is an error, not silently ignored. */
  private checkParameters(indicator: Indicator, query: IndicatorQuery): void {
    const foreign =
      indicator === 'macd'
        ? query.window !== undefined
          ? ['window']
          : []
        : MACD_PARAMETERS.filter((name) => query[name] !== undefined);
    if (foreign.length > 0) {
      const own = indicator === 'macd' ? 'fast, slow and signal' : 'window';
      throw new BadRequestException(
        `${foreign.join(', ')} does not apply to ${indicator}: it takes ${own}`,
      );
    }
  }

  async compute(
    securityId: string,
    indicator: Indicator,
    query: IndicatorQuery,
  ): Promise<IndicatorValueResponse[] | MacdValueResponse[]> {
    this.checkParameters(indicator, query);
    const range = resolveTimeRange(query, await this.context.spanFor(securityId));
    const bars = await this.bars.collectBars(
      securityId,
      query.interval,
      query.adjustment,
      this.bars.windowOf(query.interval, range),
      INDICATOR_MAX_BARS + 1,
      'asc',
    );
    if (bars.length > INDICATOR_MAX_BARS) {
      throw new MarketDataInputError(
        'from',
        `and to span more than ${INDICATOR_MAX_BARS.toLocaleString('en-US')} ${query.interval} bars, more than one indicator request covers: narrow them or take a longer interval`,
      );
    }
    const closes = bars.map((bar) => bar.close);
    const times = bars.map((bar) => barTime(query.interval, bar));
    if (indicator === 'macd') {
      const windows = {
        fast: query.fast ?? MACD_DEFAULTS.fast,
        slow: query.slow ?? MACD_DEFAULTS.slow,
        signal: query.signal ?? MACD_DEFAULTS.signal,
      };
      return macd(closes, windows).flatMap((point, i) =>
        point
          ? [
              {
                bar_time: times[i],
                macd: value(point.macd),
                signal: value(point.signal),
                histogram: value(point.histogram),
              },
            ]
          : [],
      );
    }
    const compute = { sma, ema, rsi }[indicator];
    return compute(closes, query.window ?? DEFAULT_WINDOWS[indicator]).flatMap((point, i) =>
      point ? [{ bar_time: times[i], value: value(point) }] : [],
    );
  }
}
