import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  SecurityCorporateActionResponse,
  SecurityIdParam,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { MarketDataContextService } from '../market-data/market-data-context.service';
import { AdjustmentsService } from './adjustments.service';

@ApiTags('market data')
@Controller('securities/:security_id/corporate-actions')
export class AdjustmentsController {
  constructor(
    private readonly context: MarketDataContextService,
    private readonly adjustments: AdjustmentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "One security's corporate actions with the split and dividend factors the bar adjustment uses",
    description:
      'A bar dated d is multiplied by the product of the factors of every action whose ex_date is after d (split_factor under split/all, dividend_factor under dividend/all; volumes by volume_factor).',
  })
  @ApiOkResponse({
    type: [SecurityCorporateActionResponse],
    headers: totalCountHeader("The security's corporate actions"),
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'security_id is malformed' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  async list(
    @Param() { security_id }: SecurityIdParam,
  ): Promise<Page<SecurityCorporateActionResponse>> {
    await this.context.requireSecurity(security_id);
    const actions = await this.adjustments.findSecurityActions(security_id);
    return new Page(actions, actions.length);
  }
}
