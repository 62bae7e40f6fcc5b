import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  PortfolioIdParam,
  PortfolioVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { VarianceService } from './variance.service';

@ApiTags('variance')
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'A parameter is invalid; the message names it',
})
@Controller('variance')
export class VarianceController {
  constructor(private readonly variance: VarianceService) {}

  @Get('portfolio/:portfolio_id')
  @ApiOperation({
    summary: 'Period 1 -> 2 attribution of a portfolio: totals and one row per position',
  })
  @ApiOkResponse({ type: PortfolioVarianceResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such portfolio' })
  portfolio(@Param() { portfolio_id }: PortfolioIdParam): Promise<PortfolioVarianceResponse> {
    return this.variance.portfolioVariance(portfolio_id);
  }

  @Get('top-movers')
  @ApiOperation({ summary: 'Positions with the largest absolute P&L, across portfolios' })
  @ApiOkResponse({
    type: [VarianceDetailResponse],
    headers: totalCountHeader('Positions ranked'),
  })
  async topMovers(@Query() query: TopMoversQuery): Promise<Page<VarianceDetailResponse>> {
    return this.variance.topMovers(query);
  }
}
