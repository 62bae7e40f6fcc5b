import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ADJUSTMENTS,
  Adjustment,
  BAR_INTERVALS,
  BarInterval,
  INDICATORS,
  Indicator,
  MOVER_DIRECTIONS,
  MoverDirection,
  SORT_ORDERS,
  SortOrder,
} from '@securities/vocabulary';
import {
  BARS_PAGE,
  CURSOR_MAX_LENGTH,
  DATE_PATTERN,
  INDICATOR_MAX_WINDOW,
  MARKET_DAILY_PAGE,
  MARKET_MOVERS_PAGE,
  MARKET_TIME_MAX_LENGTH,
  TICKS_PAGE,
} from './limits';
import {
  LimitedQuery,
  PagedQuery,
  PageLimits,
  QueryInteger,
  SecurityIdParam,
} from './query-params';

export const TICK_FORMATS = ['json', 'csv', 'ndjson'] as const;
export type TickFormat = (typeof TICK_FORMATS)[number];

const TIME_FORMAT =
  "A date (YYYY-MM-DD) or an exchange-local time (YYYY-MM-DDTHH:MM[:SS[.ffffff]]), without a time zone: tick times are the exchange's local time.";

/** `from` and `to`: their format is checked (with precise messages) by @securities/market-data. */
class TimeRangeQuery {
  @ApiPropertyOptional({
    description: `Start, included. ${TIME_FORMAT} A date starts at its midnight. Default: the first day of data.`,
    example: '2025-03-03',
    maxLength: MARKET_TIME_MAX_LENGTH,
  })
  @IsOptional()
  @MaxLength(MARKET_TIME_MAX_LENGTH)
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    description: `End, included. ${TIME_FORMAT} A date includes the whole day. Default: the last day of data.`,
    example: '2025-03-07',
    maxLength: MARKET_TIME_MAX_LENGTH,
  })
  @IsOptional()
  @MaxLength(MARKET_TIME_MAX_LENGTH)
  @IsString()
  to?: string;
}

const INTERVAL_DESCRIPTION =
  'Bar width. Intraday bars (1m..1h) aggregate ticks and align on clock time from midnight (the 1h bar of 09:00 holds 09:30:00..09:59:40); 1d is pricing_history; 1w is the ISO week from Monday; 1mo the calendar month.';
const ADJUSTMENT_DESCRIPTION =
  'raw: as traded; split: prices before each split x 1/ratio and volumes x ratio; dividend: prices before each cash dividend x (1 - dividend / previous close); all: both. Each bar says the factor it was multiplied by.';

class BarSelection extends TimeRangeQuery {
  @ApiPropertyOptional({ enum: BAR_INTERVALS, default: '1d', description: INTERVAL_DESCRIPTION })
  @IsOptional()
  @IsIn(BAR_INTERVALS, { message: `interval must be one of ${BAR_INTERVALS.join(', ')}` })
  interval: BarInterval = '1d';

  @ApiPropertyOptional({ enum: ADJUSTMENTS, default: 'raw', description: ADJUSTMENT_DESCRIPTION })
  @IsOptional()
  @IsIn(ADJUSTMENTS, { message: `adjustment must be one of ${ADJUSTMENTS.join(', ')}` })
  adjustment: Adjustment = 'raw';
}

/** Cursor paging: `limit` rows of the range, `cursor` from the previous page's Link header. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern of TypeScript
function CursorPagedQuery<Base extends new (...args: any[]) => object>(
  base: Base,
  limits: PageLimits,
  rows: string,
) {
  class CursorPaged extends base {
    @ApiPropertyOptional({
      description: `${rows} per page (1..${limits.max}). While more exist the response carries \`Link: <...>; rel="next"\`.`,
      minimum: 1,
      maximum: limits.max,
      default: limits.default,
      type: 'integer',
    })
    @IsOptional()
    @QueryInteger()
    @Max(limits.max)
    @Min(1)
    @IsInt({ message: 'limit must be an integer' })
    limit?: number;

    @ApiPropertyOptional({
      description:
        'Opaque position from the `next` link of the previous page; keep every other parameter as it was.',
      maxLength: CURSOR_MAX_LENGTH,
    })
    @IsOptional()
    @MaxLength(CURSOR_MAX_LENGTH)
    @IsString()
    cursor?: string;

    @ApiPropertyOptional({
      enum: SORT_ORDERS,
      default: 'asc',
      description: 'asc: oldest first (the default); desc: newest first',
    })
    @IsOptional()
    @IsIn(SORT_ORDERS, { message: `sort must be one of ${SORT_ORDERS.join(', ')}` })
    sort: SortOrder = 'asc';
  }
  return CursorPaged;
}

export class BarsQuery extends CursorPagedQuery(BarSelection, BARS_PAGE, 'Bars') {}

export class TicksQuery extends CursorPagedQuery(TimeRangeQuery, TICKS_PAGE, 'Ticks') {
  @ApiPropertyOptional({
    enum: TICK_FORMATS,
    description:
      'json (the default, paged), or a stream of the whole range: csv (as `Accept: text/csv`) or ndjson (as `Accept: application/x-ndjson`). Streams take no limit or cursor.',
  })
  @IsOptional()
  @IsIn(TICK_FORMATS, { message: `format must be one of ${TICK_FORMATS.join(', ')}` })
  format?: TickFormat;
}

const DATE_PROPERTY = {
  description: 'Trading day, YYYY-MM-DD',
  format: 'date',
  example: '2025-03-28',
} as const;

export class MarketDailyQuery extends PagedQuery(MARKET_DAILY_PAGE) {
  @ApiProperty(DATE_PROPERTY)
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date YYYY-MM-DD' })
  @IsDefined({ message: 'date is required: a trading day, YYYY-MM-DD' })
  date!: string;
}

export class MarketMoversQuery extends LimitedQuery(MARKET_MOVERS_PAGE) {
  @ApiProperty(DATE_PROPERTY)
  @Matches(DATE_PATTERN, { message: 'date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date YYYY-MM-DD' })
  @IsDefined({ message: 'date is required: a trading day, YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({
    enum: MOVER_DIRECTIONS,
    default: 'gainers',
    description: 'gainers: largest rise first; losers: largest fall first',
  })
  @IsOptional()
  @IsIn(MOVER_DIRECTIONS, { message: `direction must be one of ${MOVER_DIRECTIONS.join(', ')}` })
  direction: MoverDirection = 'gainers';
}

export class SnapshotQuery {
  @ApiPropertyOptional({
    description: `The moment. ${TIME_FORMAT} A date means the end of that day. Default: the last tick in the data.`,
    example: '2025-03-28T12:00:00',
    maxLength: MARKET_TIME_MAX_LENGTH,
  })
  @IsOptional()
  @MaxLength(MARKET_TIME_MAX_LENGTH)
  @IsString()
  at?: string;
}

/** An indicator's window length, in bars. */
function WindowProperty(name: string, description: string) {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      minimum: 1,
      maximum: INDICATOR_MAX_WINDOW,
      type: 'integer',
    }),
    IsOptional(),
    QueryInteger(),
    Max(INDICATOR_MAX_WINDOW),
    Min(1),
    IsInt({ message: `${name} must be an integer` }),
  );
}

export class IndicatorQuery extends BarSelection {
  @WindowProperty(
    'window',
    'Bars per window of sma, ema (default 20) and rsi (default 14); not for macd',
  )
  window?: number;

  @WindowProperty('fast', 'macd only: fast EMA window (default 12)')
  fast?: number;

  @WindowProperty('slow', 'macd only: slow EMA window (default 26)')
  slow?: number;

  @WindowProperty('signal', 'macd only: signal line EMA window (default 9)')
  signal?: number;
}

export class IndicatorParams extends SecurityIdParam {
  @ApiProperty({ enum: INDICATORS, example: 'rsi' })
  @IsIn(INDICATORS, { message: `indicator must be one of ${INDICATORS.join(', ')}` })
  indicator!: Indicator;
}
