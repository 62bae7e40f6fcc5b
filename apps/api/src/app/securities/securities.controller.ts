import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreditRatingResponse,
  ErrorResponse,
  ListSecuritiesQuery,
  SecurityIdParam,
  SecurityResponse,
} from '@securities/contracts';
import { Response } from 'express';
import { sendPage, totalCountHeader } from '../common/paged-result';
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
  async list(
    @Query() query: ListSecuritiesQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SecurityResponse[]> {
    return sendPage(response, await this.securities.findSecurities(query));
  }

  @Get(':security_id')
  @ApiOperation({ summary: 'One security by id' })
  @ApiOkResponse({ type: SecurityResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  get(@Param() { security_id }: SecurityIdParam): Promise<SecurityResponse> {
    return this.securities.findSecurity(security_id);
  }

  @Get(':security_id/ratings')
  @ApiOperation({
    summary:
      "The credit-rating history of a security's issuer: initial ratings, upgrades, downgrades, affirmations",
  })
  @ApiOkResponse({
    type: [CreditRatingResponse],
    headers: totalCountHeader("Ratings of the security's issuer"),
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  async ratings(
    @Param() { security_id }: SecurityIdParam,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreditRatingResponse[]> {
    return sendPage(response, await this.securities.findRatings(security_id));
  }
}
