import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreditRatingResponse,
  ListSecuritiesQuery,
  SecurityIdParam,
  SecurityResponse,
} from '@securities/contracts';
import { ApiNotFound } from '../common/api-docs';
import { Page, totalCountHeader } from '../common/page';
import { SecuritiesService } from './securities.service';

@ApiTags('securities')
@Controller('securities')
export class SecuritiesController {
  constructor(private readonly securities: SecuritiesService) {}

  @Get()
  @ApiOperation({
    summary: 'List securities, optionally filtered by type, issuer sector and currency',
    description:
      'Securities ordered by id, paged with limit and offset. X-Total-Count holds the number of ' +
      'securities matching the filters; Link points to the first, previous, next and last pages.',
  })
  @ApiOkResponse({
    type: [SecurityResponse],
    headers: totalCountHeader('Securities matching the filters'),
  })
  async list(@Query() query: ListSecuritiesQuery): Promise<Page<SecurityResponse>> {
    return this.securities.findSecurities(query);
  }

  @Get(':security_id')
  @ApiOperation({
    summary: 'One security by id',
    description: 'The security master row: identifiers (ISIN, CUSIP, SEDOL), type, issuer, terms.',
  })
  @ApiOkResponse({ type: SecurityResponse })
  @ApiNotFound('No such security', 'Security SEC-0999 not found')
  get(@Param() { security_id }: SecurityIdParam): Promise<SecurityResponse> {
    return this.securities.findSecurity(security_id);
  }

  @Get(':security_id/ratings')
  @ApiOperation({
    summary:
      "The credit-rating history of a security's issuer: initial ratings, upgrades, downgrades, affirmations",
    description:
      "Ratings are by issuer: every rating of the security's issuer from every agency, oldest first.",
  })
  @ApiOkResponse({
    type: [CreditRatingResponse],
    headers: totalCountHeader("Ratings of the security's issuer"),
  })
  @ApiNotFound('No such security', 'Security SEC-0999 not found')
  ratings(@Param() { security_id }: SecurityIdParam): Promise<Page<CreditRatingResponse>> {
    return this.securities.findRatings(security_id);
  }
}
