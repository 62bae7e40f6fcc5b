import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_TYPES, SecurityType } from '@securities/vocabulary';
import { CorporateActionResponse } from './responses';

// Market data: values are JSON numbers written exactly as computed (an adjusted price is the exact
// product raw x factor, however many decimals that takes); times are exchange-local, without a zone.

const PRICE = (example: number, description?: string) =>
  ApiProperty({ type: Number, example, ...(description ? { description } : {}) });

export class TickResponse {
  @ApiProperty({ example: '2025-03-28T09:30:00', description: 'Exchange-local time, no zone' })
  tick_time!: string;
  @PRICE(187.425) price!: number;
  @PRICE(187.41) bid!: number;
  @PRICE(187.44) ask!: number;
  @ApiProperty({ example: 3200 }) volume!: number;
  @ApiProperty({ example: 1500 }) bid_size!: number;
  @ApiProperty({ example: 900 }) ask_size!: number;
  @ApiProperty({ example: 32 }) trade_count!: number;
  @PRICE(187.3911, "The session's running vwap up to this tick") vwap!: number;
}

export class BarResponse {
  @ApiProperty({
    example: '2025-03-28T09:30:00',
    description:
      'Start of the bar: exchange-local time for intraday bars, the date (YYYY-MM-DD) for 1d, the Monday for 1w, the 1st for 1mo',
  })
  bar_time!: string;
  @PRICE(187.5) open!: number;
  @PRICE(188.12) high!: number;
  @PRICE(187.2) low!: number;
  @PRICE(187.9) close!: number;
  @ApiProperty({
    example: 154000,
    description: "Sum of the ticks' volumes (x volume_factor when adjusted)",
  })
  volume!: number;
  @PRICE(187.654321, 'sum(price x volume) / sum(volume), 6 decimals; the close when nothing traded')
  vwap!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1540,
    description: "Sum of the ticks' trade counts; null without ticks",
  })
  trade_count!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.25,
    description:
      'Every price of the bar is the raw price x this factor (1 for raw); null for a week or month spanning an ex-date, whose days were adjusted one by one',
  })
  adjustment_factor!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4,
    description:
      'The volume is the raw volume x this factor (the ratio of later splits); null like adjustment_factor',
  })
  volume_factor!: number | null;
}

/** A change against the previous close, adjusted for what went ex on the day. */
export class PriceChange {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 185.1,
    description: 'Close of the previous trading day, as traded',
  })
  previous_close!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-03-27', format: 'date' })
  previous_close_date!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 185.1,
    description:
      'previous_close x the split and dividend factors of actions going ex on the day, so a split or dividend is no price change',
  })
  adjusted_previous_close!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2.8,
    description: 'Price - adjusted_previous_close',
  })
  change!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1.5127,
    description: 'change / adjusted_previous_close x 100, 4 decimals',
  })
  change_percent!: number | null;
}

/** A security's bar of the day and its change on the previous close (as the movers rank it). */
export class MarketDailyBarResponse extends PriceChange {
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: 'LAKE' }) ticker!: string;
  @ApiProperty({ enum: SECURITY_TYPES }) security_type!: SecurityType;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'Technology', description: "The issuer's sector" }) sector!: string;
  @ApiProperty({ example: '2025-03-28', format: 'date' }) price_date!: string;
  @PRICE(187.5) open!: number;
  @PRICE(188.12) high!: number;
  @PRICE(187.2) low!: number;
  @PRICE(187.9) close!: number;
  @ApiProperty({ example: 1200000 }) volume!: number;
  @PRICE(187.654321) vwap!: number;
  @ApiProperty({ type: Number, nullable: true, example: 12000 }) trade_count!: number | null;
}

export class MarketMoverResponse extends PriceChange {
  @ApiProperty({ example: 'SEC-0011' }) security_id!: string;
  @ApiProperty({ example: 'COPP' }) ticker!: string;
  @ApiProperty({ example: 'Coppershore Outfitters Holdings, Inc.' }) security_name!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '2025-03-28', format: 'date' }) price_date!: string;
  @PRICE(187.9) close!: number;
}

export class SnapshotDayResponse {
  @ApiProperty({ example: '2025-03-28', format: 'date' }) date!: string;
  @PRICE(187.5) open!: number;
  @PRICE(188.12) high!: number;
  @PRICE(187.2) low!: number;
  @PRICE(187.9, "The last tick's price") close!: number;
  @ApiProperty({ example: 640000 }) volume!: number;
  @PRICE(187.654321) vwap!: number;
  @ApiProperty({ example: 6400 }) trade_count!: number;
}

export class SnapshotResponse extends PriceChange {
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: '2025-03-28T12:00:00', description: 'The moment asked for' }) at!: string;
  @ApiProperty({ type: TickResponse, description: 'The last tick at or before `at`' })
  last_tick!: TickResponse;
  @ApiProperty({
    type: SnapshotDayResponse,
    description: "The bar of the last tick's day, up to and including it",
  })
  day!: SnapshotDayResponse;
}

export class IndicatorValueResponse {
  @ApiProperty({ example: '2025-03-28', description: 'bar_time of the bar the value belongs to' })
  bar_time!: string;
  @ApiProperty({ example: 186.23456789, description: '8 decimals' }) value!: number;
}

export class MacdValueResponse {
  @ApiProperty({ example: '2025-03-28' }) bar_time!: string;
  @ApiProperty({ example: 1.23456789, description: 'EMA(fast) - EMA(slow)' }) macd!: number;
  @ApiProperty({ example: 0.98765432, description: 'EMA(signal) of macd' }) signal!: number;
  @ApiProperty({ example: 0.24691357, description: 'macd - signal' }) histogram!: number;
}

export class SecurityCorporateActionResponse extends CorporateActionResponse {
  @ApiProperty({
    example: 0.25,
    description:
      'Prices dated before ex_date x this under split/all adjustment: 1 / ratio (12 decimals); 1 for other actions',
  })
  split_factor!: number;
  @ApiProperty({
    example: 4,
    description:
      'Volumes dated before ex_date x this under split/all adjustment: the ratio; 1 for other actions',
  })
  volume_factor!: number;
  @ApiProperty({
    example: 0.990009990001,
    description:
      'Prices dated before ex_date x this under dividend/all adjustment: 1 - amount / previous_close (12 decimals) for a cash dividend; 1 for anything else, and for a dividend without a close before it',
  })
  dividend_factor!: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 115.1,
    description: 'The last close before ex_date (pricing_history)',
  })
  previous_close!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-01-29', format: 'date' })
  previous_close_date!: string | null;
}
