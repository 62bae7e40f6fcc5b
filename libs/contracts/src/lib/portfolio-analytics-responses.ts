import { ApiProperty } from '@nestjs/swagger';
import {
  PERFORMANCE_INTERVALS,
  PerformanceInterval,
  RATING_ACTIONS,
  RATING_AGENCIES,
  RatingAction,
  RatingAgency,
} from '@securities/vocabulary';
import { PortfolioVarianceSummaryResponse, PositionVarianceResponse } from './responses';

// Examples are real: PORT-001 and PORT-004, SEC-0070 of the tiny set, seed 7.
const DATE = { type: String, format: 'date' } as const;
const RETURN = { type: Number, nullable: true } as const;

export class PerformancePointResponse {
  @ApiProperty({ ...DATE, example: '2025-01-02', description: 'Close of the point: a trading day' })
  date!: string;
  @ApiProperty({ example: 122851917.18, description: 'Sum of the holdings at the close, USD' })
  market_value!: number;
  @ApiProperty({
    example: 1233734.82,
    description:
      "Money put into the holdings by trades since the previous point: purchases and all fees, less sale proceeds; USD at each day's rate",
  })
  net_flows!: number;
  @ApiProperty({
    example: 0,
    description:
      'Dividends, coupons and redemptions paid out of the holdings since the previous point, USD',
  })
  income!: number;
  @ApiProperty({
    example: 1319263.56,
    description: 'Gain since the previous point: market_value change - net_flows + income, USD',
  })
  pnl!: number;
  @ApiProperty({
    ...RETURN,
    example: 0.0108552189,
    description:
      'Time-weighted return since the previous point (10 places); null when a day in it started without positive capital',
  })
  period_return!: number | null;
  @ApiProperty({
    ...RETURN,
    example: 0.0108552189,
    description:
      'Time-weighted return since the first point, linked geometrically; null from a null day on',
  })
  cumulative_return!: number | null;
}

export class PerformanceResponse {
  @ApiProperty({ example: 'PORT-001' }) portfolio_id!: string;
  @ApiProperty({ enum: PERFORMANCE_INTERVALS, example: '1d' }) interval!: PerformanceInterval;
  @ApiProperty({ ...DATE, example: '2024-12-31', description: 'The base day, as resolved' })
  from!: string;
  @ApiProperty({ ...DATE, example: '2025-03-31', description: 'The last day, as resolved' })
  to!: string;
  @ApiProperty({
    type: [PerformancePointResponse],
    description: 'The base day first, then one point per interval, oldest first',
  })
  series!: PerformancePointResponse[];
}

export class PeriodVarianceSummaryResponse extends PortfolioVarianceSummaryResponse {
  @ApiProperty({ ...DATE, example: '2025-01-15', description: 't0, as resolved' })
  period_from!: string;
  @ApiProperty({ ...DATE, example: '2025-01-21', description: 't1, as resolved' })
  period_to!: string;
}

export class PeriodVarianceResponse {
  @ApiProperty({ type: PeriodVarianceSummaryResponse })
  summary!: PeriodVarianceSummaryResponse;
  @ApiProperty({
    type: [PositionVarianceResponse],
    description: 'Every position held on either date, by |total_pnl|, largest first',
  })
  details!: PositionVarianceResponse[];
}

export class QuarterlyVarianceResponse extends PositionVarianceResponse {
  @ApiProperty({ example: '2025Q1' }) quarter_label!: string;
}

export class CreditRatingResponse {
  @ApiProperty({ example: 30 }) rating_id!: number;
  @ApiProperty({ example: 'ISS-037', description: 'The issuer the rating is of' })
  issuer_id!: string;
  @ApiProperty({ example: 'Baa1' }) rating!: string;
  @ApiProperty({ ...DATE, example: '2020-07-23' }) rating_date!: string;
  @ApiProperty({ enum: RATING_AGENCIES, example: "Moody's" }) agency!: RatingAgency;
  @ApiProperty({ enum: RATING_ACTIONS, example: 'DOWNGRADE' }) action!: RatingAction;
}

export class RiskMetricResponse {
  @ApiProperty({ example: 4 }) metric_id!: number;
  @ApiProperty({ example: null, nullable: true, type: String }) security_id!: string | null;
  @ApiProperty({ example: 'PORT-001', nullable: true, type: String }) portfolio_id!: string | null;
  @ApiProperty({ ...RETURN, example: 223472.79, description: '1-day 95 % value at risk, USD' })
  var_95!: number | null;
  @ApiProperty({ ...RETURN, example: 316061.83, description: '1-day 99 % value at risk, USD' })
  var_99!: number | null;
  @ApiProperty({ ...RETURN, example: null, description: 'Equities' }) beta!: number | null;
  @ApiProperty({ ...RETURN, example: 5.6448, description: 'Modified duration, years (bonds)' })
  duration!: number | null;
  @ApiProperty({ ...RETURN, example: 58.1646, description: 'Bonds' }) convexity!: number | null;
  @ApiProperty({ ...RETURN, example: 0.0323, description: 'Annualised' })
  volatility!: number | null;
  @ApiProperty({ ...DATE, example: '2024-12-31' }) as_of_date!: string;
}
