import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  SecurityIdParam,
  SnapshotQuery,
  SnapshotResponse,
} from '@securities/contracts';
import { MarketDataErrorsInterceptor } from '../market-data/market-data-errors.interceptor';
import { SnapshotService } from './snapshot.service';

@ApiTags('market data')
@UseInterceptors(MarketDataErrorsInterceptor)
@Controller('securities/:security_id/snapshot')
export class SnapshotController {
  constructor(private readonly snapshots: SnapshotService) {}

  @Get()
  @ApiOperation({
    summary:
      'A security at a moment: the last tick at or before it, the day so far, the previous close and the change',
    description:
      'The state of one security at `at` (exchange local time): its last tick, the open, high, low and ' +
      "volume of the day up to then, the previous trading day's close and the change against it.",
  })
  @ApiOkResponse({ type: SnapshotResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid or outside the data; the message names it',
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'No such security, or no tick of it by then',
  })
  snapshot(
    @Param() { security_id }: SecurityIdParam,
    @Query() query: SnapshotQuery,
  ): Promise<SnapshotResponse> {
    return this.snapshots.snapshot(security_id, query);
  }
}
