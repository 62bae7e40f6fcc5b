import { Injectable, Logger } from '@nestjs/common';
import { BarInterval } from '@securities/vocabulary';
import { DataSource } from 'typeorm';
import { BarSource, barSourceFor, readBarAggregates } from '@securities/market-sql';

/** How long the catalogue's answer is trusted: aggregates appear with migrations, rarely. */
const CATALOGUE_TTL_MS = 60_000;

/**
 * Picks, for each bar interval, the coarsest continuous aggregate that rolls up into it (read from
 * the catalogue: TimescaleDB's `tick_bars_<interval>` where they exist), else tick_data.
 */
@Injectable()
export class BarSourcesService {
  private readonly logger = new Logger(BarSourcesService.name);
  private aggregates?: { intervals: BarInterval[]; readAt: number };

  constructor(private readonly db: DataSource) {}

  async sourceFor(interval: BarInterval): Promise<BarSource> {
    return barSourceFor(interval, await this.availableAggregates());
  }

  private async availableAggregates(): Promise<BarInterval[]> {
    if (this.aggregates && Date.now() - this.aggregates.readAt < CATALOGUE_TTL_MS)
      return this.aggregates.intervals;
    const { usable, unusable } = await readBarAggregates(this.db);
    for (const { relation, reason } of unusable)
      this.logger.warn(`${relation} is not used for bars: ${reason}`);
    this.aggregates = { intervals: usable, readAt: Date.now() };
    return usable;
  }
}
