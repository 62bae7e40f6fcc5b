import { ApiProperty } from '@nestjs/swagger';
import {
  CORPORATE_ACTION_TYPES,
  CorporateActionType,
  PORTFOLIO_TYPES,
  PortfolioType,
  SECURITY_STATUSES,
  SECURITY_TYPES,
  SecurityStatus,
  SecurityType,
} from '@securities/vocabulary';

// Response shapes: the seed's column names in snake_case; decimals are JSON numbers, dates YYYY-MM-DD.

const DATE = { type: String, format: 'date', example: '2024-12-31' } as const;

export class HealthResponse {
  @ApiProperty({ example: 'ok', enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ example: 'securities-platform' }) service!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({
    example: 'up',
    enum: ['up', 'down'],
    description: 'Result of a live query against the database',
  })
  database!: 'up' | 'down';
}

export class SecurityResponse {
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: 'US0378331005', description: 'ISIN with a valid check digit' })
  isin!: string;
  @ApiProperty({ example: '037833100', nullable: true, type: String }) cusip!: string | null;
  @ApiProperty({ example: '2046251', nullable: true, type: String }) sedol!: string | null;
  @ApiProperty({ example: 'TECH_A' }) ticker!: string;
  @ApiProperty({ example: 'TechCorp Alpha' }) security_name!: string;
  @ApiProperty({ enum: SECURITY_TYPES }) security_type!: SecurityType;
  @ApiProperty({ example: 'Equity' }) asset_class!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'NYSE' }) exchange!: string;
  @ApiProperty({ example: 'ISS-001' }) issuer_id!: string;
  @ApiProperty(DATE) issue_date!: string;
  @ApiProperty({ ...DATE, nullable: true }) maturity_date!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.25,
    description: 'Annual coupon, percent of par',
  })
  coupon_rate!: number | null;
  @ApiProperty({ enum: SECURITY_STATUSES }) status!: SecurityStatus;
}

export class PortfolioResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'Global Equity Growth' }) portfolio_name!: string;
  @ApiProperty({ enum: PORTFOLIO_TYPES }) portfolio_type!: PortfolioType;
  @ApiProperty({ example: 'MSCI World' }) benchmark!: string;
  @ApiProperty(DATE) inception_date!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

/** A position at the close of one day, as holdings_history and the period snapshots hold it. */
export class PositionHoldingResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: 'TechCorp Alpha' }) security_name!: string;
  @ApiProperty({ example: 'TECH_A' }) ticker!: string;
  @ApiProperty({ example: 125000, description: 'Units; nominal for bonds; negative when short' })
  quantity!: number;
  @ApiProperty({ example: 23456789.12, description: 'USD' }) market_value!: number;
  @ApiProperty({ example: 0.0412, description: "Share of the portfolio's market value" })
  weight!: number;
  @ApiProperty({ example: 21000000.0, description: 'USD' }) cost_basis!: number;
  @ApiProperty({ example: 0, description: 'USD' }) accrued_interest!: number;
  @ApiProperty(DATE) as_of_date!: string;
}

export class HoldingResponse extends PositionHoldingResponse {
  @ApiProperty({ example: 1 }) holding_id!: number;
}

export class VarianceEffects {
  @ApiProperty({ example: 125000000.0 }) mv_start!: number;
  @ApiProperty({ example: 131500000.0 }) mv_end!: number;
  @ApiProperty({ example: 4200000.0 }) price_effect!: number;
  @ApiProperty({ example: 1100000.0 }) qty_effect!: number;
  @ApiProperty({ example: -300000.0 }) fx_effect!: number;
  @ApiProperty({ example: 1500000.0 }) corp_action_effect!: number;
  @ApiProperty({ example: 6500000.0, description: 'mv_end - mv_start = sum of the four effects' })
  total_pnl!: number;
}

/** One position's attribution between two dates. */
export class PositionVarianceResponse extends VarianceEffects {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: 'TechCorp Alpha' }) security_name!: string;
  @ApiProperty({ example: 'TECH_A' }) ticker!: string;
  @ApiProperty(DATE) period_from!: string;
  @ApiProperty({ ...DATE, example: '2025-03-31' }) period_to!: string;
}

/** A row of variance_summary: the stored 2024-12-31 .. 2025-03-31 attribution. */
export class VarianceDetailResponse extends PositionVarianceResponse {
  @ApiProperty({ example: 1 }) summary_id!: number;
}

export class PortfolioVarianceSummaryResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 125000000.0 }) total_mv_start!: number;
  @ApiProperty({ example: 131500000.0 }) total_mv_end!: number;
  @ApiProperty({ example: 4200000.0 }) total_price_effect!: number;
  @ApiProperty({ example: 1100000.0 }) total_qty_effect!: number;
  @ApiProperty({ example: -300000.0 }) total_fx_effect!: number;
  @ApiProperty({ example: 1500000.0 }) total_corp_action_effect!: number;
  @ApiProperty({ example: 6500000.0 }) total_pnl!: number;
}

export class PortfolioVarianceResponse {
  @ApiProperty({ type: PortfolioVarianceSummaryResponse })
  summary!: PortfolioVarianceSummaryResponse;
  @ApiProperty({
    type: [VarianceDetailResponse],
    description: 'Positions by |total_pnl|, largest first',
  })
  details!: VarianceDetailResponse[];
}

export class CorporateActionResponse {
  @ApiProperty({ example: 1 }) action_id!: number;
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ enum: CORPORATE_ACTION_TYPES }) action_type!: CorporateActionType;
  @ApiProperty(DATE) ex_date!: string;
  @ApiProperty(DATE) record_date!: string;
  @ApiProperty(DATE) payment_date!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4,
    description: 'New units per old unit (splits)',
  })
  ratio!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.24,
    description: 'Cash per unit (per 100 nominal for bonds)',
  })
  amount!: number | null;
}

export class FxRateResponse {
  @ApiProperty({ example: 1 }) rate_id!: number;
  @ApiProperty({ example: 'EUR' }) from_currency!: string;
  @ApiProperty({ example: 'USD' }) to_currency!: string;
  @ApiProperty(DATE) rate_date!: string;
  @ApiProperty({ example: 1.0354, description: 'Units of to_currency per unit of from_currency' })
  rate!: number;
}

export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'limit must not be greater than 500' }) message!: string;
}
