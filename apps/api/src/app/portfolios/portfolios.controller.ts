import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HoldingResponse, ListHoldingsQuery, PortfolioResponse } from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { PortfoliosService } from './portfolios.service';

@ApiTags('portfolios')
@Controller()
export class PortfoliosController {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Get('portfolios')
  @ApiOperation({
    summary: 'All portfolios',
    description: 'The seven portfolios by id, with type, benchmark and inception date.',
  })
  @ApiOkResponse({ type: [PortfolioResponse], headers: totalCountHeader('Number of portfolios') })
  list(): Promise<Page<PortfolioResponse>> {
    return this.portfolios.findPortfolios();
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
  async holdings(@Query() query: ListHoldingsQuery): Promise<Page<HoldingResponse>> {
    return this.portfolios.findHoldings(query);
  }
}
