import { Injectable, NotFoundException } from '@nestjs/common';
import { HoldingResponse, ListHoldingsQuery, PortfolioResponse } from '@securities/contracts';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { pagedQuery } from '../common/paged-query';
import { Page } from '../common/page';

/** The snapshot table of each period; the period is validated as 1 or 2 before it gets here. */
const HOLDINGS_TABLE = { 1: 'holdings_period_1', 2: 'holdings_period_2' } as const;

type HoldingRow = Record<keyof HoldingResponse, string | number>;

function toHolding(row: HoldingRow): HoldingResponse {
  return {
    holding_id: Number(row.holding_id),
    portfolio_id: String(row.portfolio_id),
    security_id: String(row.security_id),
    security_name: String(row.security_name),
    ticker: String(row.ticker),
    quantity: jsonNumber(row.quantity),
    market_value: jsonNumber(row.market_value),
    weight: jsonNumber(row.weight),
    cost_basis: jsonNumber(row.cost_basis),
    accrued_interest: jsonNumber(row.accrued_interest),
    as_of_date: String(row.as_of_date),
  };
}

@Injectable()
export class PortfoliosService {
  constructor(private readonly db: DataSource) {}

  async findPortfolios(): Promise<Page<PortfolioResponse>> {
    const rows: PortfolioResponse[] = await this.db.query(
      `SELECT portfolio_id, portfolio_name, portfolio_type, benchmark, inception_date, currency
       FROM portfolio ORDER BY portfolio_id`,
    );
    return new Page(rows, rows.length);
  }

  /** 404 for an unknown portfolio, so a typo is not mistaken for an empty portfolio. */
  async assertPortfolioExists(portfolioId: string): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM portfolio WHERE portfolio_id = $1', [
      portfolioId,
    ]);
    if (rows.length === 0) throw new NotFoundException(`Portfolio ${portfolioId} not found`);
  }

  async findHoldings(query: ListHoldingsQuery): Promise<Page<HoldingResponse>> {
    if (query.portfolio_id) await this.assertPortfolioExists(query.portfolio_id);
    const page = await pagedQuery<HoldingRow>(this.db, {
      from: `${HOLDINGS_TABLE[query.period]} h JOIN securities_master s ON s.security_id = h.security_id`,
      columns: `h.holding_id, h.portfolio_id, h.security_id, s.security_name, s.ticker, h.quantity, h.market_value,
                h.weight, h.cost_basis, h.accrued_interest, h.as_of_date`,
      orderBy: 'h.market_value DESC, h.holding_id',
      filters: { 'h.portfolio_id': query.portfolio_id },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map(toHolding);
  }
}
