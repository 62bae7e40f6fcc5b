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
// Examples are real rows of the data `npm start` loads (base set, seed 42).

const DATE = { type: String, format: 'date', example: '2024-12-31' } as const;

export class ReplicaHealth {
  @ApiProperty({ example: 'replica-1.internal:5432/securities_platform' }) replica!: string;
  @ApiProperty({
    example: 'streaming',
    enum: ['streaming', 'behind', 'down'],
    description:
      'streaming: answers and has replayed the data the API serves; behind: answers but has not yet ' +
      'replayed the latest data version; down: did not answer its last check (every 0.5 s)',
  })
  state!: 'streaming' | 'behind' | 'down';
  @ApiProperty({ example: true, description: 'Whether reads go to it now' }) in_rotation!: boolean;
  @ApiProperty({
    example: 0.04,
    nullable: true,
    type: Number,
    description:
      'Replication lag in seconds: 0 when it has replayed all the WAL it received, else the age of ' +
      'the last transaction it replayed; null when down',
  })
  lag_seconds!: number | null;
  @ApiProperty({ example: '12', nullable: true, type: String }) data_version!: string | null;
}

export class HealthResponse {
  @ApiProperty({ example: 'ok', enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ example: 'securities-platform' }) service!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({
    example: 'up',
    enum: ['up', 'down'],
    description:
      'Result of a live query against the database (the primary, when there are read replicas)',
  })
  database!: 'up' | 'down';
  @ApiProperty({
    type: [ReplicaHealth],
    required: false,
    description: 'Each read replica (DATABASE_REPLICA_URLS), when any is configured',
  })
  replicas?: ReplicaHealth[];
}

export class SecurityResponse {
  @ApiProperty({ example: 'SEC-0001' }) security_id!: string;
  @ApiProperty({ example: 'US1838771095', description: 'ISIN with a valid check digit' })
  isin!: string;
  @ApiProperty({ example: '183877109', nullable: true, type: String }) cusip!: string | null;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'SEDOL, for securities listed in London',
  })
  sedol!: string | null;
  @ApiProperty({ example: 'LAKE' }) ticker!: string;
  @ApiProperty({ example: 'Lakeshore Data Group, Inc.' }) security_name!: string;
  @ApiProperty({ enum: SECURITY_TYPES, example: 'EQUITY' }) security_type!: SecurityType;
  @ApiProperty({ example: 'Equity' }) asset_class!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'NYSE' }) exchange!: string;
  @ApiProperty({ example: 'ISS-001' }) issuer_id!: string;
  @ApiProperty({ ...DATE, example: '1992-04-30' }) issue_date!: string;
  @ApiProperty({ ...DATE, nullable: true, example: null, description: 'Bonds only' })
  maturity_date!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Annual coupon, percent of par (bonds only, e.g. 2.5 for SEC-0067)',
  })
  coupon_rate!: number | null;
  @ApiProperty({ enum: SECURITY_STATUSES, example: 'ACTIVE' }) status!: SecurityStatus;
}

export class PortfolioResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'Global Equity Growth' }) portfolio_name!: string;
  @ApiProperty({ enum: PORTFOLIO_TYPES, example: 'Equity' }) portfolio_type!: PortfolioType;
  @ApiProperty({ example: 'MSCI World Index' }) benchmark!: string;
  @ApiProperty({ ...DATE, example: '2015-03-31' }) inception_date!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

/** A position at the close of one day, as holdings_history and the period snapshots hold it. */
export class PositionHoldingResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'SEC-0011' }) security_id!: string;
  @ApiProperty({ example: 'Coppershore Outfitters Holdings, Inc.' }) security_name!: string;
  @ApiProperty({ example: 'COPP' }) ticker!: string;
  @ApiProperty({ example: 463000, description: 'Units; nominal for bonds; negative when short' })
  quantity!: number;
  @ApiProperty({ example: 21571170, description: 'USD' }) market_value!: number;
  @ApiProperty({ example: 0.2745711069, description: "Share of the portfolio's market value" })
  weight!: number;
  @ApiProperty({ example: 12242130.57, description: 'USD' }) cost_basis!: number;
  @ApiProperty({ example: 0, description: 'USD' }) accrued_interest!: number;
  @ApiProperty(DATE) as_of_date!: string;
}

export class HoldingResponse extends PositionHoldingResponse {
  @ApiProperty({ type: 'integer', example: 6 }) holding_id!: number;
}

export class VarianceEffects {
  @ApiProperty({ example: 21571170, description: 'USD' }) mv_start!: number;
  @ApiProperty({ example: 10111920, description: 'USD' }) mv_end!: number;
  @ApiProperty({ example: -11459250 }) price_effect!: number;
  @ApiProperty({ example: 0 }) qty_effect!: number;
  @ApiProperty({ example: 0 }) fx_effect!: number;
  @ApiProperty({ example: 0 }) corp_action_effect!: number;
  @ApiProperty({ example: -11459250, description: 'mv_end - mv_start = sum of the four effects' })
  total_pnl!: number;
}

/** One position's attribution between two dates. */
export class PositionVarianceResponse extends VarianceEffects {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 'SEC-0011' }) security_id!: string;
  @ApiProperty({ example: 'Coppershore Outfitters Holdings, Inc.' }) security_name!: string;
  @ApiProperty({ example: 'COPP' }) ticker!: string;
  @ApiProperty(DATE) period_from!: string;
  @ApiProperty({ ...DATE, example: '2025-03-31' }) period_to!: string;
}

/** A row of variance_summary: the stored 2024-12-31 .. 2025-03-31 attribution. */
export class VarianceDetailResponse extends PositionVarianceResponse {
  @ApiProperty({ type: 'integer', example: 7 }) summary_id!: number;
}

export class PortfolioVarianceSummaryResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ example: 78563146.13 }) total_mv_start!: number;
  @ApiProperty({ example: 72687637.96 }) total_mv_end!: number;
  @ApiProperty({ example: -9916656.97 }) total_price_effect!: number;
  @ApiProperty({ example: 4215017.15 }) total_qty_effect!: number;
  @ApiProperty({ example: -82876.09 }) total_fx_effect!: number;
  @ApiProperty({ example: -90992.26 }) total_corp_action_effect!: number;
  @ApiProperty({ example: -5875508.17 }) total_pnl!: number;
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
  @ApiProperty({ type: 'integer', example: 2 }) action_id!: number;
  @ApiProperty({ example: 'SEC-0003' }) security_id!: string;
  @ApiProperty({ enum: CORPORATE_ACTION_TYPES, example: 'STOCK_SPLIT' })
  action_type!: CorporateActionType;
  @ApiProperty({ ...DATE, example: '2025-02-11' }) ex_date!: string;
  @ApiProperty({ ...DATE, example: '2025-02-04' }) record_date!: string;
  @ApiProperty({ ...DATE, example: '2025-02-10' }) payment_date!: string;
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
    example: null,
    description: 'Cash per unit (per 100 nominal for bonds); null for splits',
  })
  amount!: number | null;
}

export class FxRateResponse {
  @ApiProperty({ type: 'integer', example: 1 }) rate_id!: number;
  @ApiProperty({ example: 'EUR' }) from_currency!: string;
  @ApiProperty({ example: 'USD' }) to_currency!: string;
  @ApiProperty(DATE) rate_date!: string;
  @ApiProperty({ example: 1.01621, description: 'Units of to_currency per unit of from_currency' })
  rate!: number;
}

export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'limit must not be greater than 500' }) message!: string;
}
