import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  PeriodVarianceResponse,
  PortfolioIdParam,
  PortfolioVarianceQuery,
  PortfolioVarianceResponse,
  QuarterlyVarianceQuery,
  QuarterlyVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import { Response } from 'express';
import { sendPage, totalCountHeader } from '../common/paged-result';
import { VarianceService } from './variance.service';

@ApiTags('variance')
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'A parameter is invalid; the message names it',
})
@ApiExtraModels(PortfolioVarianceResponse, PeriodVarianceResponse)
@Controller('variance')
export class VarianceController {
  constructor(private readonly variance: VarianceService) {}

  @Get('portfolio/:portfolio_id')
  @ApiOperation({
    summary: "A portfolio's variance attribution: totals and one row per position",
    description:
      'Without from and to: the stored period 1 -> 2 attribution (2024-12-31 .. 2025-03-31, variance_summary), as the seed answered it. ' +
      'With both: the attribution between those two trading days, computed by libs/variance from holdings_history, pricing_history, ' +
      'fx_rates and corporate_actions, by the same rule the generator writes variance_quarterly with, so it equals variance_summary for ' +
      '2024-12-31 .. 2025-03-31 and variance_quarterly for each quarter, to the cent. On every row mv_end - mv_start = price_effect + ' +
      'qty_effect + fx_effect + corp_action_effect = total_pnl. Needs the scale set (404 without it).',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PortfolioVarianceResponse) },
        { $ref: getSchemaPath(PeriodVarianceResponse) },
      ],
    },
    description: 'PortfolioVarianceResponse without from/to, PeriodVarianceResponse with them',
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description:
      'No such portfolio, or (with from/to) no daily holdings: the scale set is not loaded',
  })
  portfolio(
    @Param() { portfolio_id }: PortfolioIdParam,
    @Query() { from, to }: PortfolioVarianceQuery,
  ): Promise<PortfolioVarianceResponse | PeriodVarianceResponse> {
    if (from === undefined && to === undefined)
      return this.variance.portfolioVariance(portfolio_id);
    if (from === undefined || to === undefined) {
      throw new BadRequestException(
        `${from === undefined ? 'from' : 'to'} is missing: from and to are given together (or neither, for the stored attribution)`,
      );
    }
    return this.variance.periodVariance(portfolio_id, { from, to });
  }

  @Get('top-movers')
  @ApiOperation({ summary: 'Positions with the largest absolute P&L, across portfolios' })
  @ApiOkResponse({
    type: [VarianceDetailResponse],
    headers: totalCountHeader('Positions ranked'),
  })
  async topMovers(
    @Query() query: TopMoversQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VarianceDetailResponse[]> {
    return sendPage(response, await this.variance.topMovers(query));
  }

  @Get('quarterly')
  @ApiOperation({
    summary:
      'The stored quarterly attributions (variance_quarterly), by quarter, portfolio and security',
  })
  @ApiOkResponse({
    type: [QuarterlyVarianceResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such portfolio' })
  async quarterly(
    @Query() query: QuarterlyVarianceQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuarterlyVarianceResponse[]> {
    return sendPage(response, await this.variance.quarterly(query));
  }
}
