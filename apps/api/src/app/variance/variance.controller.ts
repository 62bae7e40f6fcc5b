import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PortfolioIdParam,
  PortfolioVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { VarianceService } from './variance.service';

@ApiTags('variance')
@Controller('variance')
export class VarianceController {
  constructor(private readonly variance: VarianceService) {}

  @Get('portfolio/:portfolio_id')
  @ApiOperation({
    summary: 'Period 1 -> 2 attribution of a portfolio: totals and one row per position',
    description:
      'The change in market value from 2024-12-31 to 2025-03-31 split into price, quantity, FX and ' +
      'corporate-action effects, per position (largest |total_pnl| first) and summed to the cent.',
  })
  @ApiOkResponse({ type: PortfolioVarianceResponse })
  @ApiNotFound('No such portfolio', 'Portfolio PORT-099 not found')
  portfolio(@Param() { portfolio_id }: PortfolioIdParam): Promise<PortfolioVarianceResponse> {
    return this.variance.portfolioVariance(portfolio_id);
  }

  @Get('top-movers')
  @ApiOperation({
    summary: 'Positions with the largest absolute P&L, across portfolios',
    description:
      'Variance rows of every portfolio ranked by |total_pnl|, largest first; X-Total-Count holds ' +
      'the number of rows ranked.',
  })
  @ApiOkResponse({
    type: [VarianceDetailResponse],
    headers: totalCountHeader('Positions ranked'),
  })
  async topMovers(@Query() query: TopMoversQuery): Promise<Page<VarianceDetailResponse>> {
    return this.variance.topMovers(query);
  }
}
