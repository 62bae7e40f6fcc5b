import { BadRequestException, Injectable } from '@nestjs/common';
import {
  PerformancePointResponse,
  PerformanceQuery,
  PerformanceResponse,
} from '@securities/contracts';
import { performanceSeries } from '@securities/analytics';
import { readPerformanceInputs } from '@securities/portfolio-data';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { PortfolioDates } from './portfolio-dates';
import { PortfoliosService } from './portfolios.service';

const money = (value: Decimal) => Number(value.toFixed(2));
const fraction = (value: Decimal | null) => (value === null ? null : Number(value.toString()));

/** The performance series: dates resolved here, the maths in @securities/analytics. */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly db: DataSource,
    private readonly portfolios: PortfoliosService,
  ) {}

  async performance(portfolioId: string, query: PerformanceQuery): Promise<PerformanceResponse> {
    await this.portfolios.assertPortfolioExists(portfolioId);
    const dates = await PortfolioDates.of(this.db, portfolioId);
    const range = dates.requireRange();
    const from = dates.resolve('from', query.from ?? range.first).asOfDate;
    const to = dates.resolve('to', query.to ?? range.last).asOfDate;
    if (from > to) {
      throw new BadRequestException(
        `from must not be after to (from ${query.from ?? from} is the trading day ${from}, to ${query.to ?? to} is ${to})`,
      );
    }
    const inputs = await readPerformanceInputs(this.db, portfolioId, from, to);
    const series: PerformancePointResponse[] = performanceSeries(inputs, query.interval).map(
      (point) => ({
        date: point.date,
        market_value: money(point.marketValue),
        net_flows: money(point.netFlows),
        income: money(point.income),
        pnl: money(point.pnl),
        period_return: fraction(point.periodReturn),
        cumulative_return: fraction(point.cumulativeReturn),
      }),
    );
    return { portfolio_id: portfolioId, interval: query.interval, from, to, series };
  }
}
