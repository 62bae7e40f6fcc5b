import { BadRequestException, NotFoundException } from '@nestjs/common';
import { AsOfDate, DataRange, DateOutsideDataError, resolveAsOfDate } from '@securities/analytics';
import { readHoldingsRange, SqlClient } from '@securities/portfolio-data';
import { HOLDING_PERIOD_DATES } from '@securities/vocabulary';

/**
 * The days a portfolio's daily holdings cover, and how a requested date maps onto them: a weekend
 * or holiday to the trading day before (said in the answer), a date outside to a 400 naming the
 * parameter and the range, any date at all to a 404 when the scale set is not loaded.
 */
export class PortfolioDates {
  constructor(
    readonly portfolioId: string,
    readonly range: DataRange | undefined,
  ) {}

  static async of(db: SqlClient, portfolioId: string): Promise<PortfolioDates> {
    return new PortfolioDates(portfolioId, await readHoldingsRange(db, portfolioId));
  }

  covers(date: string): boolean {
    return this.range !== undefined && date >= this.range.first && date <= this.range.last;
  }

  /** The range, or the 404 that says the scale set is needed. */
  requireRange(): DataRange {
    if (this.range) return this.range;
    const [period1, period2] = [HOLDING_PERIOD_DATES[1], HOLDING_PERIOD_DATES[2]];
    throw new NotFoundException(
      `${this.portfolioId} has no daily holdings: the scale set is not loaded (npx nx run generator:scale). ` +
        `Without it, holdings exist for the period dates ${period1} and ${period2} only.`,
    );
  }

  resolve(parameter: string, date: string): AsOfDate {
    const range = this.requireRange();
    try {
      return resolveAsOfDate(date, range);
    } catch (error) {
      if (!(error instanceof DateOutsideDataError)) throw error;
      throw new BadRequestException(
        `${parameter} must be within ${range.first} .. ${range.last}, the days of ${this.portfolioId}'s daily holdings (got ${date})`,
      );
    }
  }
}
