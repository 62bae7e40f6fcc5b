import {
  Controller,
  Get,
  Headers,
  Param,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponse,
  SecurityIdParam,
  TickFormat,
  TickResponse,
  TicksQuery,
} from '@securities/contracts';
import { HeaderSink, nextLink, nextLinkHeader, RequestUrl, requestUrl } from '../common/next-link';
import { MarketDataErrorsInterceptor } from '../market-data/market-data-errors.interceptor';
import { TicksService } from './ticks.service';

const STREAM_TYPES = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson' } as const;

/** `format` wins; else the Accept header may ask for a stream; else JSON. */
function formatOf(query: TicksQuery, accept = ''): TickFormat {
  if (query.format) return query.format;
  if (/\btext\/csv\b/i.test(accept)) return 'csv';
  if (/\bapplication\/(x-)?ndjson\b/i.test(accept)) return 'ndjson';
  return 'json';
}

@ApiTags('market data')
@UseInterceptors(MarketDataErrorsInterceptor)
@Controller('securities/:security_id/ticks')
export class TicksController {
  constructor(private readonly ticks: TicksService) {}

  @Get()
  @ApiOperation({
    summary:
      "A security's ticks (trades with bid/ask): JSON pages by cursor, or any range streamed as CSV or NDJSON",
    description:
      'Oldest first by default. JSON: at most `limit` ticks and, while more exist, `Link: <...>; rel="next"` (an opaque cursor from the last tick, so pages never repeat or skip a tick). `format=csv` (or `Accept: text/csv`) and `format=ndjson` (or `Accept: application/x-ndjson`) stream the whole range straight from the database, with flat memory.',
  })
  @ApiProduces('application/json', STREAM_TYPES.csv, STREAM_TYPES.ndjson)
  @ApiOkResponse({
    type: [TickResponse],
    headers: nextLinkHeader('The next page, while more ticks exist (JSON)'),
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'A parameter is invalid; the message names it',
  })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such security' })
  async list(
    @Param() { security_id }: SecurityIdParam,
    @Query() query: TicksQuery,
    @Headers('accept') accept: string | undefined,
    @Req() request: RequestUrl,
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string | StreamableFile> {
    const format = formatOf(query, accept);
    if (format !== 'json') {
      const stream = await this.ticks.streamTicks(security_id, query, format);
      return new StreamableFile(stream, {
        type: STREAM_TYPES[format],
        disposition: `inline; filename="${security_id}-ticks.${format}"`,
      });
    }
    const page = await this.ticks.findTicks(security_id, query);
    reply.header('Content-Type', 'application/json; charset=utf-8');
    if (page.next) reply.header('Link', nextLink(requestUrl(request), page.next));
    return page.json;
  }
}
