import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PERFORMANCE_INTERVALS, PerformanceInterval } from '@securities/vocabulary';
import { DATE_PATTERN, ENTITY_ID_PATTERN, HOLDINGS_PAGE, REFERENCE_PAGE } from './limits';
import { PagedQuery } from './query-params';

/** Quarter labels as variance_quarterly stores them: 2024Q4. */
export const QUARTER_PATTERN = /^\d{4}Q[1-4]$/;

/** An optional YYYY-MM-DD parameter that must also be a real calendar date. */
function OptionalCalendarDate(name: string, description: string, example: string) {
  return applyDecorators(
    ApiPropertyOptional({
      description,
      format: 'date',
      pattern: DATE_PATTERN.source,
      example,
      type: String,
    }),
    IsOptional(),
    Matches(DATE_PATTERN, { message: `${name} must be a date YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date YYYY-MM-DD` }),
  );
}

/** An optional filter by id (portfolio_id=PORT-001, security_id=SEC-0001). */
function OptionalEntityId(name: string, example: string, what: string) {
  return applyDecorators(
    ApiPropertyOptional({
      description: `Only this ${what}, e.g. ${example}`,
      pattern: ENTITY_ID_PATTERN.source,
      example,
    }),
    IsOptional(),
    Matches(ENTITY_ID_PATTERN, { message: `${name} must look like ${example}` }),
  );
}

const AS_OF_RULE =
  'A weekend or holiday stands for the trading day before it; a date outside the days holdings_history holds is a 400 naming them.';

export class PortfolioHoldingsQuery extends PagedQuery(HOLDINGS_PAGE) {
  @OptionalCalendarDate(
    'date',
    `Holdings at the close of this day. ${AS_OF_RULE} Default: the last day held.`,
    '2025-02-14',
  )
  date?: string;
}

export class PerformanceQuery {
  @OptionalCalendarDate(
    'from',
    `First day of the series: its base, with zero flows and zero return. ${AS_OF_RULE} Default: the first day held.`,
    '2024-12-31',
  )
  from?: string;

  @OptionalCalendarDate(
    'to',
    `Last day of the series. ${AS_OF_RULE} Default: the last day held.`,
    '2025-03-31',
  )
  to?: string;

  @ApiPropertyOptional({
    enum: PERFORMANCE_INTERVALS,
    default: '1d',
    description:
      'One point per trading day, per ISO week (Monday..Sunday) or per calendar month, each at its last trading day in the range',
  })
  @IsOptional()
  @IsIn(PERFORMANCE_INTERVALS, {
    message: `interval must be one of ${PERFORMANCE_INTERVALS.join(', ')}`,
  })
  interval: PerformanceInterval = '1d';
}

export class PortfolioVarianceQuery {
  @OptionalCalendarDate(
    'from',
    `Start of the attribution (t0), with \`to\`. ${AS_OF_RULE} Without from and to: the stored 2024-12-31 .. 2025-03-31 attribution (variance_summary).`,
    '2025-01-15',
  )
  from?: string;

  @OptionalCalendarDate(
    'to',
    `End of the attribution (t1), a later trading day than \`from\`. ${AS_OF_RULE}`,
    '2025-01-21',
  )
  to?: string;
}

export class QuarterlyVarianceQuery extends PagedQuery(REFERENCE_PAGE) {
  @OptionalEntityId('portfolio_id', 'PORT-001', 'portfolio')
  portfolio_id?: string;

  @ApiPropertyOptional({
    description: 'Only this quarter, e.g. 2025Q1',
    pattern: QUARTER_PATTERN.source,
    example: '2025Q1',
  })
  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: 'quarter must look like 2025Q1 (year, Q, 1..4)' })
  quarter?: string;

  @OptionalEntityId('security_id', 'SEC-0001', 'security')
  security_id?: string;
}

export class RiskMetricsQuery extends PagedQuery(REFERENCE_PAGE) {
  @OptionalEntityId('portfolio_id', 'PORT-001', 'portfolio')
  portfolio_id?: string;

  @OptionalEntityId('security_id', 'SEC-0001', 'security')
  security_id?: string;
}
