import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  PeriodVarianceResponse,
  PortfolioIdParam,
  PortfolioVarianceQuery,
  PortfolioVarianceResponse,
  QuarterlyVarianceQuery,
  QuarterlyVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { VarianceService } from './variance.service';

@ApiTags('variance')
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
      // anyOf, not oneOf: a period answer without a position also fits the stored answer's schema.
      anyOf: [
        { $ref: getSchemaPath(PortfolioVarianceResponse) },
        { $ref: getSchemaPath(PeriodVarianceResponse) },
      ],
    },
    description: 'PortfolioVarianceResponse without from/to, PeriodVarianceResponse with them',
  })
  @ApiNotFound(
    'No such portfolio, or (with from/to) no daily holdings: the scale set is not loaded',
    'Portfolio PORT-099 not found',
  )
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

  @Get('quarterly')
  @ApiOperation({
    summary:
      'The stored quarterly attributions (variance_quarterly), by quarter, portfolio and security',
    description:
      'Rows of variance_quarterly (written by the scale generator), optionally for one portfolio, one ' +
      'quarter or one security; paged with limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({
    type: [QuarterlyVarianceResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  @ApiNotFound('No such portfolio or security', 'Portfolio PORT-099 not found')
  quarterly(@Query() query: QuarterlyVarianceQuery): Promise<Page<QuarterlyVarianceResponse>> {
    return this.variance.quarterly(query);
  }
}
