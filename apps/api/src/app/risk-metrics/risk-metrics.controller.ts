import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RiskMetricResponse, RiskMetricsQuery } from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { RiskMetricsService } from './risk-metrics.service';

@ApiTags('risk-metrics')
@Controller('risk-metrics')
export class RiskMetricsController {
  constructor(private readonly riskMetrics: RiskMetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Risk metrics (VaR, beta, duration, convexity, volatility) of portfolios and securities',
    description:
      'Rows of risk_metrics by as-of date, optionally for one portfolio or one security; paged with ' +
      'limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({
    type: [RiskMetricResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  @ApiNotFound('No such portfolio or security', 'Portfolio PORT-099 not found')
  list(@Query() query: RiskMetricsQuery): Promise<Page<RiskMetricResponse>> {
    return this.riskMetrics.findRiskMetrics(query);
  }
}
