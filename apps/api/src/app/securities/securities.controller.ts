import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  ListSecuritiesQuery,
  SecurityIdParam,
  SecurityResponse,
} from '@securities/contracts';
import { Page, totalCountHeader } from '../common/page';
import { SecuritiesService } from './securities.service';

@ApiTags('securities')
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'A parameter is invalid; the message names it',
})
@Controller('securities')
export class SecuritiesController {
  constructor(private readonly securities: SecuritiesService) {}

  @Get()
  @ApiOperation({
    summary: 'List securities, optionally filtered by type, issuer sector and currency',
  })
  @ApiOkResponse({
    type: [SecurityResponse],
    headers: totalCountHeader('Securities matching the filters'),
  })
  async list(@Query() query: ListSecuritiesQuery): Promise<Page<SecurityResponse>> {
    return this.securities.findSecurities(query);
  }

  @Get(':security_id')
  @ApiOperation({ summary: 'One security by id' })
  @ApiOkResponse({ type: SecurityResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  get(@Param() { security_id }: SecurityIdParam): Promise<SecurityResponse> {
    return this.securities.findSecurity(security_id);
  }
}
