import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse, RiskMetricResponse, RiskMetricsQuery } from '@securities/contracts';
import { Response } from 'express';
import { sendPage, totalCountHeader } from '../common/paged-result';
import { RiskMetricsService } from './risk-metrics.service';

@ApiTags('risk-metrics')
@Controller('risk-metrics')
export class RiskMetricsController {
  constructor(private readonly riskMetrics: RiskMetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Risk metrics (VaR, beta, duration, convexity, volatility) of portfolios and securities',
  })
  @ApiOkResponse({
    type: [RiskMetricResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid; the message names it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such portfolio or security' })
  async list(
    @Query() query: RiskMetricsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RiskMetricResponse[]> {
    return sendPage(response, await this.riskMetrics.findRiskMetrics(query));
  }
}
