import { Controller, Get, Header, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BarResponse, BarsQuery, ErrorResponse, SecurityIdParam } from '@securities/contracts';
import { HeaderSink, nextLink, nextLinkHeader, RequestUrl, requestUrl } from '../common/next-link';
import { MarketDataErrorsInterceptor } from '../market-data/market-data-errors.interceptor';
import { BarsService } from './bars.service';

@ApiTags('market data')
@UseInterceptors(MarketDataErrorsInterceptor)
@Controller('securities/:security_id/bars')
export class BarsController {
  constructor(private readonly bars: BarsService) {}

  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary:
      'OHLCV bars at any interval, with vwap, trade count and optional split/dividend adjustment',
    description:
      'Oldest first by default. `limit` counts bars. A bar is open = first tick, close = last, high/low = extremes, volume and trade_count = sums, vwap = sum(price x volume) / sum(volume); a 1d bar is the day of pricing_history. Adjusted bars carry the factor they were multiplied by. Pages follow the `Link: <...>; rel="next"` header.',
  })
  @ApiOkResponse({
    type: [BarResponse],
    headers: nextLinkHeader('The next page, while more bars exist'),
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid; the message names it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  async list(
    @Param() { security_id }: SecurityIdParam,
    @Query() query: BarsQuery,
    @Req() request: RequestUrl,
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    const page = await this.bars.findBars(security_id, query);
    if (page.next) reply.header('Link', nextLink(requestUrl(request), page.next));
    return page.json;
  }
}
