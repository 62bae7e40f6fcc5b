import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorporateActionResponse,
  FxRateResponse,
  ListCorporateActionsQuery,
  ListFxRatesQuery,
} from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('reference data')
@Controller()
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get('corporate-actions')
  @ApiOperation({
    summary: 'Splits, dividends, coupons and maturities, by ex-date',
    description:
      'Corporate actions of the base quarter, optionally for one security or one action type; ' +
      'paged with limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({
    type: [CorporateActionResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  @ApiNotFound('No such security', 'Security SEC-9999 not found')
  async corporateActions(
    @Query() query: ListCorporateActionsQuery,
  ): Promise<Page<CorporateActionResponse>> {
    return this.referenceData.findCorporateActions(query);
  }

  @Get('fx-rates')
  @ApiOperation({
    summary: 'FX rates to USD, by date',
    description:
      'Daily rates of every currency held, to USD, optionally for one source currency or one date; ' +
      'paged with limit and offset (X-Total-Count, Link).',
  })
  @ApiOkResponse({ type: [FxRateResponse], headers: totalCountHeader('Rows matching the filters') })
  async fxRates(@Query() query: ListFxRatesQuery): Promise<Page<FxRateResponse>> {
    return this.referenceData.findFxRates(query);
  }
}
