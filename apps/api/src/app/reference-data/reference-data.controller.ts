import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorporateActionResponse,
  ErrorResponse,
  FxRateResponse,
  ListCorporateActionsQuery,
  ListFxRatesQuery,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('reference data')
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'A parameter is invalid; the message names it',
})
@Controller()
export class ReferenceDataController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get('corporate-actions')
  @ApiOperation({ summary: 'Splits, dividends, coupons and maturities, by ex-date' })
  @ApiOkResponse({
    type: [CorporateActionResponse],
    headers: totalCountHeader('Rows matching the filters'),
  })
  async corporateActions(
    @Query() query: ListCorporateActionsQuery,
  ): Promise<Page<CorporateActionResponse>> {
    return this.referenceData.findCorporateActions(query);
  }

  @Get('fx-rates')
  @ApiOperation({ summary: 'FX rates to USD, by date' })
  @ApiOkResponse({ type: [FxRateResponse], headers: totalCountHeader('Rows matching the filters') })
  async fxRates(@Query() query: ListFxRatesQuery): Promise<Page<FxRateResponse>> {
    return this.referenceData.findFxRates(query);
  }
}
