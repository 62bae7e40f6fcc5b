import { Injectable } from '@nestjs/common';
import { RiskMetricResponse, RiskMetricsQuery } from '@securities/contracts';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { PortfoliosService } from '../portfolios/portfolios.service';
import { SecuritiesService } from '../securities/securities.service';

const MEASURES = ['var_95', 'var_99', 'beta', 'duration', 'convexity', 'volatility'] as const;

type RiskMetricRow = Omit<RiskMetricResponse, (typeof MEASURES)[number]> &
  Record<(typeof MEASURES)[number], string | null>;

@Injectable()
export class RiskMetricsService {
  constructor(
    private readonly db: DataSource,
    private readonly portfolios: PortfoliosService,
    private readonly securities: SecuritiesService,
  ) {}

  async findRiskMetrics(query: RiskMetricsQuery): Promise<Page<RiskMetricResponse>> {
    if (query.portfolio_id) await this.portfolios.assertPortfolioExists(query.portfolio_id);
    if (query.security_id) await this.securities.findSecurity(query.security_id);
    const page = await pagedQuery<RiskMetricRow>(this.db, {
      from: 'risk_metrics',
      columns: `metric_id, security_id, portfolio_id, ${MEASURES.join(', ')}, as_of_date`,
      orderBy: 'as_of_date, portfolio_id NULLS LAST, security_id NULLS LAST, metric_id',
      filters: { portfolio_id: query.portfolio_id, security_id: query.security_id },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map(
      (row) =>
        ({
          ...row,
          ...Object.fromEntries(MEASURES.map((measure) => [measure, jsonNumber(row[measure])])),
        }) as RiskMetricResponse,
    );
  }
}
