import { Injectable, NotFoundException } from '@nestjs/common';
import {
  HoldingResponse,
  ListHoldingsQuery,
  PortfolioHoldingsQuery,
  PortfolioResponse,
  PositionHoldingResponse,
} from '@securities/contracts';
import { HOLDING_PERIOD_DATES, HoldingPeriod } from '@securities/vocabulary';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { pagedQuery } from '../common/paged-query';
import { Page } from '../common/page';
import { PortfolioDates } from './portfolio-dates';

/** The snapshot table of each period; the period is validated as 1 or 2 before it gets here. */
const HOLDINGS_TABLE = { 1: 'holdings_period_1', 2: 'holdings_period_2' } as const;

const POSITION_COLUMNS = `h.portfolio_id, h.security_id, s.security_name, s.ticker, h.quantity, h.market_value,
  h.weight, h.cost_basis, h.accrued_interest, h.as_of_date`;
/** Largest first, as the seed's holdings endpoint answers; the id makes equal values stable. */
const HOLDINGS_ORDER = 'h.market_value DESC, h.security_id';

type PositionRow = Record<keyof PositionHoldingResponse, string>;

function toPosition(row: PositionRow): PositionHoldingResponse {
  return {
    portfolio_id: row.portfolio_id,
    security_id: row.security_id,
    security_name: row.security_name,
    ticker: row.ticker,
    quantity: jsonNumber(row.quantity),
    market_value: jsonNumber(row.market_value),
    weight: jsonNumber(row.weight),
    cost_basis: jsonNumber(row.cost_basis),
    accrued_interest: jsonNumber(row.accrued_interest),
    as_of_date: String(row.as_of_date),
  };
}

function periodOf(date: string): HoldingPeriod | undefined {
  return ([1, 2] as const).find((period) => HOLDING_PERIOD_DATES[period] === date);
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

  async findPortfolio(portfolioId: string): Promise<PortfolioResponse> {
    const [row] = await this.db.query(
      `SELECT portfolio_id, portfolio_name, portfolio_type, benchmark, inception_date, currency
       FROM portfolio WHERE portfolio_id = $1`,
      [portfolioId],
    );
    if (!row) throw new NotFoundException(`Portfolio ${portfolioId} not found`);
    return row;
  }

  /** 404 for an unknown portfolio, so a typo is not mistaken for an empty portfolio. */
  async assertPortfolioExists(portfolioId: string): Promise<void> {
    await this.findPortfolio(portfolioId);
  }

  async findHoldings(query: ListHoldingsQuery): Promise<Page<HoldingResponse>> {
    if (query.portfolio_id) await this.assertPortfolioExists(query.portfolio_id);
    const page = await pagedQuery<PositionRow & { holding_id: string }>(this.db, {
      from: `${HOLDINGS_TABLE[query.period]} h JOIN securities_master s ON s.security_id = h.security_id`,
      columns: `h.holding_id, ${POSITION_COLUMNS}`,
      orderBy: 'h.market_value DESC, h.holding_id',
      filters: { 'h.portfolio_id': query.portfolio_id },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map((row) => ({ holding_id: Number(row.holding_id), ...toPosition(row) }));
  }

  /**
   * A portfolio's holdings at the close of a day, from holdings_history. The period dates are
   * also answered from their snapshot tables when the daily holdings do not cover them (no scale
   * set, or one over another range): the generator writes the same rows on those dates.
   */
  async findHoldingsAt(
    portfolioId: string,
    query: PortfolioHoldingsQuery,
  ): Promise<Page<PositionHoldingResponse>> {
    await this.assertPortfolioExists(portfolioId);
    const dates = await PortfolioDates.of(this.db, portfolioId);
    const requested = query.date ?? dates.range?.last ?? HOLDING_PERIOD_DATES[2];
    const period = periodOf(requested);
    const table = period && !dates.covers(requested) ? HOLDINGS_TABLE[period] : 'holdings_history';
    const asOfDate =
      table === 'holdings_history' ? dates.resolve('date', requested).asOfDate : requested;
    const page = await pagedQuery<PositionRow>(this.db, {
      from: `${table} h JOIN securities_master s ON s.security_id = h.security_id`,
      columns: POSITION_COLUMNS,
      orderBy: HOLDINGS_ORDER,
      filters: { 'h.portfolio_id': portfolioId, 'h.as_of_date': asOfDate },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map(toPosition);
  }
}
