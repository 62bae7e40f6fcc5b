import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  CORPORATE_ACTION_TYPES,
  CorporateActionType,
  SECURITY_TYPES,
  SecurityType,
} from '@securities/vocabulary';
import {
  CURRENCY_PATTERN,
  DATE_PATTERN,
  ENTITY_ID_PATTERN,
  HOLDINGS_PAGE,
  MAX_OFFSET,
  REFERENCE_PAGE,
  SECTOR_PATTERN,
  SECURITIES_PAGE,
  TOP_MOVERS_PAGE,
} from './limits';

/**
 * An integer query parameter: query strings are text, and only a plain integer ("20", "-1")
 * becomes a number. "1.0", "1e1", " 2" or a repeated parameter stay as they came and fail the
 * integer check, so they are a 400 naming the parameter rather than read as 1, 10 or 2.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );
}

export interface PageLimits {
  default: number;
  max: number;
}

/** `limit` with an endpoint's own default and maximum. */
export function LimitedQuery(limits: PageLimits) {
  class Limited {
    @ApiPropertyOptional({
      description: `Maximum rows to return (1..${limits.max})`,
      minimum: 1,
      maximum: limits.max,
      default: limits.default,
      type: 'integer',
    })
    @QueryInteger()
    // class-validator checks bottom-up: the type first, so 'abc' is reported as "not an integer".
    @Max(limits.max)
    @Min(1)
    @IsInt({ message: 'limit must be an integer' })
    limit: number = limits.default;
  }
  return Limited;
}

/** `limit` and `offset`, for the list endpoints that page. */
export function PagedQuery(limits: PageLimits) {
  class Paged extends LimitedQuery(limits) {
    @ApiPropertyOptional({
      description: 'Rows to skip, for paging',
      minimum: 0,
      maximum: MAX_OFFSET,
      default: 0,
      type: 'integer',
    })
    @QueryInteger()
    @Max(MAX_OFFSET)
    @Min(0)
    @IsInt({ message: 'offset must be an integer' })
    offset: number = 0;
  }
  return Paged;
}

export class ListSecuritiesQuery extends PagedQuery(SECURITIES_PAGE) {
  @ApiPropertyOptional({ enum: SECURITY_TYPES, description: 'Security type' })
  @IsOptional()
  @IsIn(SECURITY_TYPES, { message: `security_type must be one of ${SECURITY_TYPES.join(', ')}` })
  security_type?: SecurityType;

  @ApiPropertyOptional({
    description: 'Issuer sector, e.g. Technology',
    maxLength: 50,
    pattern: SECTOR_PATTERN.source,
    example: 'Technology',
  })
  @IsOptional()
  @Matches(SECTOR_PATTERN, { message: 'sector must be a sector name (letters, spaces, & , . -)' })
  @MaxLength(50)
  sector?: string;

  @ApiPropertyOptional({
    description: 'ISO 4217 currency code, e.g. USD',
    pattern: CURRENCY_PATTERN.source,
    example: 'USD',
  })
  @IsOptional()
  @Matches(CURRENCY_PATTERN, {
    message: 'currency must be a three-letter upper-case ISO 4217 code, e.g. USD',
  })
  currency?: string;
}

export class SecurityIdParam {
  @ApiProperty({
    description: 'Security id, e.g. SEC-0001',
    pattern: ENTITY_ID_PATTERN.source,
    example: 'SEC-0001',
  })
  @Matches(ENTITY_ID_PATTERN, { message: 'security_id must look like SEC-0001' })
  security_id!: string;
}

export class PortfolioIdParam {
  @ApiProperty({
    description: 'Portfolio id, e.g. PORT-001',
    pattern: ENTITY_ID_PATTERN.source,
    example: 'PORT-001',
  })
  @Matches(ENTITY_ID_PATTERN, { message: 'portfolio_id must look like PORT-001' })
  portfolio_id!: string;
}

export class ListHoldingsQuery extends PagedQuery(HOLDINGS_PAGE) {
  @ApiPropertyOptional({
    description: 'Portfolio, e.g. PORT-001 (all portfolios when omitted)',
    pattern: ENTITY_ID_PATTERN.source,
    example: 'PORT-001',
  })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: 'portfolio_id must look like PORT-001' })
  portfolio_id?: string;

  @ApiPropertyOptional({
    description: '1 = 2024-12-31, 2 = 2025-03-31',
    enum: [1, 2],
    default: 1,
    type: 'integer',
  })
  @QueryInteger()
  @IsIn([1, 2], { message: 'period must be 1 (2024-12-31) or 2 (2025-03-31)' })
  period: 1 | 2 = 1;
}

export class TopMoversQuery extends LimitedQuery(TOP_MOVERS_PAGE) {}

export class ListCorporateActionsQuery extends PagedQuery(REFERENCE_PAGE) {
  @ApiPropertyOptional({
    description: 'Only this security, e.g. SEC-0003',
    pattern: ENTITY_ID_PATTERN.source,
    example: 'SEC-0003',
  })
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: 'security_id must look like SEC-0001' })
  security_id?: string;

  @ApiPropertyOptional({ enum: CORPORATE_ACTION_TYPES, description: 'Action type' })
  @IsOptional()
  @IsIn(CORPORATE_ACTION_TYPES, {
    message: `action_type must be one of ${CORPORATE_ACTION_TYPES.join(', ')}`,
  })
  action_type?: CorporateActionType;
}

export class ListFxRatesQuery extends PagedQuery(REFERENCE_PAGE) {
  @ApiPropertyOptional({
    description: 'Source currency, e.g. EUR',
    pattern: CURRENCY_PATTERN.source,
    example: 'EUR',
  })
  @IsOptional()
  @Matches(CURRENCY_PATTERN, {
    message: 'from_currency must be a three-letter upper-case ISO 4217 code, e.g. EUR',
  })
  from_currency?: string;

  @ApiPropertyOptional({
    description: 'Rate date, YYYY-MM-DD',
    format: 'date',
    pattern: DATE_PATTERN.source,
    example: '2024-12-31',
  })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'rate_date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'rate_date must be a real calendar date YYYY-MM-DD' })
  rate_date?: string;
}
