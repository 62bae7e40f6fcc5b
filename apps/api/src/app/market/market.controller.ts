import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ErrorResponse,
  MarketDailyBarResponse,
  MarketDailyQuery,
  MarketMoverResponse,
  MarketMoversQuery,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { MarketDataErrorsInterceptor } from '../market-data/market-data-errors.interceptor';
import { MarketService } from './market.service';

@ApiTags('market data')
@UseInterceptors(MarketDataErrorsInterceptor)
@ApiBadRequestResponse({
  type: ErrorResponse,
  description:
    'A parameter is invalid, or the date is outside the data or no trading day; the message names it',
})
@Controller('market')
export class MarketController {
  constructor(private readonly market: MarketService) {}

  @Get('daily')
  @ApiOperation({
    summary: "Every security's daily bar on one trading day, by security id",
    description:
      'The day of pricing_history for every security with a bar that day, with its trade count; ' +
      'paged with limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({
    type: [MarketDailyBarResponse],
    headers: totalCountHeader('Securities with a bar that day'),
  })
  daily(@Query() query: MarketDailyQuery): Promise<Page<MarketDailyBarResponse>> {
    return this.market.findDailyBars(query);
  }

  @Get('movers')
  @ApiOperation({
    summary: "The day's largest rises or falls against the previous close",
    description:
      'The previous close is first multiplied by the split and dividend factors of actions going ex that day, so a split or a dividend is no move. Securities without a previous close are left out.',
  })
  @ApiOkResponse({
    type: [MarketMoverResponse],
    headers: totalCountHeader('Securities with a previous close and a bar that day'),
  })
  movers(@Query() query: MarketMoversQuery): Promise<Page<MarketMoverResponse>> {
    return this.market.findMovers(query);
  }
}
