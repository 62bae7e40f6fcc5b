import { BadRequestException, Injectable } from '@nestjs/common';
import { TickFormat, TicksQuery, TICKS_PAGE } from '@securities/contracts';
import {
  decodeCursorKey,
  encodeCursor,
  formatLocalTime,
  readLocalTime,
  resolveTimeRange,
  TimeRange,
} from '@securities/market-data';
import { escapeLiteral } from 'pg';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { MarketDataContextService } from '../market-data/market-data-context.service';
import { CopyStreamService } from './copy-stream.service';
import { tickCsvCopySql, tickNdjsonCopySql, tickPageSql } from '@securities/market-sql';

export interface TickPage {
  /** The page as JSON text: numeric columns written as PostgreSQL sent them. */
  json: string;
  next?: string;
}

/** One security's ticks: JSON pages by cursor, or the whole range streamed as CSV or NDJSON. */
@Injectable()
export class TicksService {
  constructor(
    private readonly db: DataSource,
    private readonly context: MarketDataContextService,
    private readonly streams: CopyStreamService,
  ) {}

  private async rangeOf(securityId: string, query: TicksQuery): Promise<TimeRange> {
    return resolveTimeRange(query, await this.context.spanFor(securityId));
  }

  async findTicks(securityId: string, query: TicksQuery): Promise<TickPage> {
    const range = await this.rangeOf(securityId, query);
    const limit = query.limit ?? TICKS_PAGE.default;
    const scope = [
      'ticks',
      securityId,
      query.sort,
      ...[range.from, range.to].map(formatLocalTime),
    ].join('|');
    const after =
      query.cursor === undefined ? undefined : decodeCursorKey(scope, query.cursor, readLocalTime);
    const [page]: { json: string; more: boolean; last: string | null }[] = await this.db.query(
      tickPageSql(query.sort, after !== undefined),
      [
        securityId,
        formatLocalTime(range.from),
        formatLocalTime(range.to),
        limit,
        ...(after ? [formatLocalTime(after)] : []),
      ],
    );
    return {
      json: page.json,
      next: page.more && page.last !== null ? encodeCursor(scope, page.last) : undefined,
    };
  }

  /** The whole range, as the format asks; the JSON format's paging parameters do not apply. */
  async streamTicks(
    securityId: string,
    query: TicksQuery,
    format: Exclude<TickFormat, 'json'>,
  ): Promise<Readable> {
    for (const parameter of ['limit', 'cursor'] as const) {
      if (query[parameter] !== undefined) {
        throw new BadRequestException(
          `${parameter} does not apply to a ${format} stream, which returns the whole range: page with the JSON format`,
        );
      }
    }
    const range = await this.rangeOf(securityId, query);
    const literals = {
      securityId: escapeLiteral(securityId),
      from: escapeLiteral(formatLocalTime(range.from)),
      to: escapeLiteral(formatLocalTime(range.to)),
      sort: query.sort,
    };
    return this.streams.open(
      format === 'csv' ? tickCsvCopySql(literals) : tickNdjsonCopySql(literals),
    );
  }
}
