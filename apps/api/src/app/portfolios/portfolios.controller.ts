import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HoldingResponse,
  ListHoldingsQuery,
  PerformanceQuery,
  PerformanceResponse,
  PortfolioHoldingsQuery,
  PortfolioIdParam,
  PortfolioResponse,
  PositionHoldingResponse,
} from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { PerformanceService } from './performance.service';
import { PortfoliosService } from './portfolios.service';

const PERFORMANCE_METHOD = [
  "A series of the portfolio's holdings: market value (USD), net flows from trades, income, P&L and time-weighted return.",
  'Method: each trading day t after the first, trades count at the start of the day, so the capital at work is the previous close plus the net flows,',
  "and the day's P&L is what the holdings gained beyond them, counting the cash they paid out:",
  'pnl_t = MV_t - MV_{t-1} - F_t + I_t and r_t = pnl_t / (MV_{t-1} + F_t).',
  "MV is the sum of holdings_history.market_value; F is purchases at price x quantity x price factor plus all fees, less sale proceeds, in USD at the day's rate;",
  'I is dividends and coupons on their ex-date and bond redemptions on their maturity, for the quantity held at the previous close.',
  "Returns are linked geometrically: period_return = prod(1 + r_t) - 1 over the point's days, cumulative_return over all days since the first,",
  'which is the base (zero flows, zero return). A day without positive capital has no return (null), and neither has any cumulative return from it on.',
  'Amounts are exact decimals rounded to cents per day; returns are rounded to 10 places only when reported.',
].join(' ');

/** The 404 of the endpoints that read holdings_history. */
const NO_DAILY_HOLDINGS = [
  'No such portfolio, or no daily holdings (the scale set is not loaded)',
  'PORT-001 has no daily holdings: the scale set is not loaded (npx nx run generator:scale). ' +
    'Without it, holdings exist for the period dates 2024-12-31 and 2025-03-31 only.',
] as const;

@ApiTags('portfolios')
@Controller()
export class PortfoliosController {
  constructor(
    private readonly portfolios: PortfoliosService,
    private readonly performanceSeries: PerformanceService,
  ) {}

  @Get('portfolios')
  @ApiOperation({
    summary: 'All portfolios',
    description: 'The seven portfolios by id, with type, benchmark and inception date.',
  })
  @ApiOkResponse({ type: [PortfolioResponse], headers: totalCountHeader('Number of portfolios') })
  list(): Promise<Page<PortfolioResponse>> {
    return this.portfolios.findPortfolios();
  }

  @Get('portfolios/:portfolio_id')
  @ApiOperation({
    summary: 'One portfolio by id',
    description: 'The portfolio row: name, type, benchmark, inception date and base currency.',
  })
  @ApiOkResponse({ type: PortfolioResponse })
  @ApiNotFound('No such portfolio', 'Portfolio PORT-099 not found')
  get(@Param() { portfolio_id }: PortfolioIdParam): Promise<PortfolioResponse> {
    return this.portfolios.findPortfolio(portfolio_id);
  }

  @Get('portfolios/:portfolio_id/holdings')
  @ApiOperation({
    summary: "A portfolio's holdings at the close of any trading day, largest market value first",
    description:
      'From holdings_history. A weekend or holiday answers as of the trading day before it: every row says which in as_of_date. ' +
      'On 2024-12-31 and 2025-03-31 the rows are those of /api/holdings?period=1 and 2; those two dates are answered from the period snapshots ' +
      'even when the scale set (the daily holdings) is not loaded, any other date is then a 404 that says so.',
  })
  @ApiOkResponse({
    type: [PositionHoldingResponse],
    headers: totalCountHeader("The portfolio's holdings that day"),
  })
  @ApiNotFound(...NO_DAILY_HOLDINGS)
  holdingsAt(
    @Param() { portfolio_id }: PortfolioIdParam,
    @Query() query: PortfolioHoldingsQuery,
  ): Promise<Page<PositionHoldingResponse>> {
    return this.portfolios.findHoldingsAt(portfolio_id, query);
  }

  @Get('portfolios/:portfolio_id/performance')
  @ApiOperation({
    summary: 'Performance series: value, flows, P&L, time-weighted return',
    description: PERFORMANCE_METHOD,
  })
  @ApiOkResponse({ type: PerformanceResponse })
  @ApiNotFound(...NO_DAILY_HOLDINGS)
  performance(
    @Param() { portfolio_id }: PortfolioIdParam,
    @Query() query: PerformanceQuery,
  ): Promise<PerformanceResponse> {
    return this.performanceSeries.performance(portfolio_id, query);
  }

  @Get('holdings')
  @ApiOperation({
    summary: 'Holdings at period 1 (2024-12-31) or 2 (2025-03-31), largest market value first',
    description:
      'Positions of one portfolio or all, with quantity, market value in USD, weight, cost basis ' +
      'and accrued interest; paged with limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({
    type: [HoldingResponse],
    headers: totalCountHeader('Holdings matching the filters'),
  })
  @ApiNotFound('No such portfolio', 'Portfolio PORT-099 not found')
  holdings(@Query() query: ListHoldingsQuery): Promise<Page<HoldingResponse>> {
    return this.portfolios.findHoldings(query);
  }
}
