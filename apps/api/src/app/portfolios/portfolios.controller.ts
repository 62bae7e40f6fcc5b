import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  HoldingResponse,
  ListHoldingsQuery,
  PortfolioResponse,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { PortfoliosService } from './portfolios.service';

@ApiTags('portfolios')
@Controller()
export class PortfoliosController {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Get('portfolios')
  @ApiOperation({ summary: 'All portfolios' })
  @ApiOkResponse({ type: [PortfolioResponse], headers: totalCountHeader('Number of portfolios') })
  list(): Promise<Page<PortfolioResponse>> {
    return this.portfolios.findPortfolios();
  }

  @Get('holdings')
  @ApiOperation({
    summary: 'Holdings at period 1 (2024-12-31) or 2 (2025-03-31), largest market value first',
  })
  @ApiOkResponse({
    type: [HoldingResponse],
    headers: totalCountHeader('Holdings matching the filters'),
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid; the message names it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such portfolio' })
  async holdings(@Query() query: ListHoldingsQuery): Promise<Page<HoldingResponse>> {
    return this.portfolios.findHoldings(query);
  }
}
