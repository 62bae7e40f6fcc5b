import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
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
  IndicatorParams,
  IndicatorQuery,
  IndicatorValueResponse,
  MacdValueResponse,
} from '@securities/contracts';
import { MarketDataErrorsInterceptor } from '../market-data/market-data-errors.interceptor';
import { IndicatorsService } from './indicators.service';

@ApiTags('market data')
@UseInterceptors(MarketDataErrorsInterceptor)
@ApiExtraModels(IndicatorValueResponse, MacdValueResponse)
@Controller('securities/:security_id/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get(':indicator')
  @ApiOperation({
    summary: "SMA, EMA, RSI or MACD over the closes of a security's bars",
    description:
      'Computed over the bars of [from, to] (at most 50,000) at `interval`, adjusted as `adjustment` says. Values start once the window is full: SMA and EMA at the window-th bar (EMA seeded with the SMA, alpha 2/(n+1)), RSI one bar later (Wilder), MACD when its signal line starts. 8 decimals.',
  })
  @ApiOkResponse({
    description: '{ bar_time, value } per bar, or { bar_time, macd, signal, histogram } for macd',
    schema: {
      // anyOf, not oneOf: an empty series (no full window yet) is an array of either kind.
      anyOf: [
        { type: 'array', items: { $ref: getSchemaPath(IndicatorValueResponse) } },
        { type: 'array', items: { $ref: getSchemaPath(MacdValueResponse) } },
      ],
    },
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid; the message names it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  compute(
    @Param() { security_id, indicator }: IndicatorParams,
    @Query() query: IndicatorQuery,
  ): Promise<IndicatorValueResponse[] | MacdValueResponse[]> {
    return this.indicators.compute(security_id, indicator, query);
  }
}
