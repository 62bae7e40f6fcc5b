import { BadRequestException, Injectable } from '@nestjs/common';
import {
  PeriodVarianceResponse,
  PortfolioVarianceQuery,
  PortfolioVarianceResponse,
  PortfolioVarianceSummaryResponse,
  PositionVarianceResponse,
  QuarterlyVarianceQuery,
  QuarterlyVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import { attributeBetween } from '@securities/portfolio-data';
import {
  amountsInCents,
  PositionAttribution,
  rankTopMovers,
  summarisePortfolio,
  toCents,
  VARIANCE_AMOUNT_COLUMNS,
  VarianceAmountColumn,
} from '@securities/variance';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { PortfolioDates } from '../portfolios/portfolio-dates';
import { PortfoliosService } from '../portfolios/portfolios.service';
import { SecuritiesService } from '../securities/securities.service';

type AmountRow = Record<VarianceAmountColumn, string>;

interface StoredPositionRow extends AmountRow {
  portfolio_id: string;
  security_id: string;
  security_name: string;
  ticker: string;
  period_from: string;
  period_to: string;
}

interface VarianceRow extends StoredPositionRow {
  summary_id: number;
}

/** A row as the variance library sees it (exact decimals), with what the response needs of it. */
interface Ranked<T> extends PositionAttribution {
  row: T;
}

const VARIANCE_COLUMNS = `v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from,
  v.period_to, v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl`;
const VARIANCE_FROM =
  'variance_summary v JOIN securities_master s ON s.security_id = v.security_id';
const VARIANCE_SELECT = `SELECT ${VARIANCE_COLUMNS} FROM ${VARIANCE_FROM}`;
/** The rows and, on each, the number of rows before LIMIT. */
const VARIANCE_SELECT_WITH_TOTAL = `SELECT ${VARIANCE_COLUMNS}, (count(*) OVER ())::int AS total FROM ${VARIANCE_FROM}`;

function attributionOf(row: AmountRow): PositionAttribution {
  return {
    mvStart: new Decimal(row.mv_start),
    mvEnd: new Decimal(row.mv_end),
    priceEffect: new Decimal(row.price_effect),
    qtyEffect: new Decimal(row.qty_effect),
    fxEffect: new Decimal(row.fx_effect),
    corpActionEffect: new Decimal(row.corp_action_effect),
    totalPnl: new Decimal(row.total_pnl),
  };
}

/** The amount columns of a row as JSON numbers. */
function amountsJson(row: AmountRow): Record<VarianceAmountColumn, number> {
  return Object.fromEntries(
    VARIANCE_AMOUNT_COLUMNS.map((column) => [column, jsonNumber(row[column])]),
  ) as Record<VarianceAmountColumn, number>;
}

function positionJson(row: StoredPositionRow): PositionVarianceResponse {
  return {
    portfolio_id: row.portfolio_id,
    security_id: row.security_id,
    security_name: row.security_name,
    ticker: row.ticker,
    period_from: row.period_from,
    period_to: row.period_to,
    ...amountsJson(row),
  };
}

/** A stored variance_summary row as the response has it. */
function detailJson(row: VarianceRow): VarianceDetailResponse {
  return { summary_id: Number(row.summary_id), ...positionJson(row) };
}

const money = (value: Decimal) => Number(toCents(value));

function summaryJson(
  portfolioId: string,
  rows: readonly PositionAttribution[],
): PortfolioVarianceSummaryResponse {
  const totals = summarisePortfolio(rows);
  return {
    portfolio_id: portfolioId,
    total_mv_start: money(totals.totalMvStart),
    total_mv_end: money(totals.totalMvEnd),
    total_price_effect: money(totals.totalPriceEffect),
    total_qty_effect: money(totals.totalQtyEffect),
    total_fx_effect: money(totals.totalFxEffect),
    total_corp_action_effect: money(totals.totalCorpActionEffect),
    total_pnl: money(totals.totalPnl),
  };
}

/** Every position, largest |total_pnl| first (rankTopMovers keeps the order of equals). */
const byMagnitude = <T>(rows: readonly Ranked<T>[]) =>
  rankTopMovers(rows, Math.max(rows.length, 1)).map(({ row }) => row);

/**
 * Summaries and rankings come from the variance library (top movers are ranked in SQL by its
 * rule); this service reads and shapes rows.
 */
@Injectable()
export class VarianceService {
  constructor(
    private readonly db: DataSource,
    private readonly portfolios: PortfoliosService,
    private readonly securities: SecuritiesService,
  ) {}

  /** The stored 2024-12-31 .. 2025-03-31 attribution (variance_summary), as the seed answered it. */
  async portfolioVariance(portfolioId: string): Promise<PortfolioVarianceResponse> {
    await this.portfolios.assertPortfolioExists(portfolioId);
    const rows: VarianceRow[] = await this.db.query(
      `${VARIANCE_SELECT} WHERE v.portfolio_id = $1 ORDER BY v.security_id`,
      [portfolioId],
    );
    const ranked = rows.map((row) => ({ row, ...attributionOf(row) }));
    return {
      summary: summaryJson(portfolioId, ranked),
      details: byMagnitude(ranked).map(detailJson),
    };
  }

  /**
   * The attribution between any two trading days, computed from what the tables hold by the very
   * function the generator writes variance_quarterly with.
   */
  async periodVariance(
    portfolioId: string,
    query: Required<PortfolioVarianceQuery>,
  ): Promise<PeriodVarianceResponse> {
    await this.portfolios.assertPortfolioExists(portfolioId);
    const dates = await PortfolioDates.of(this.db, portfolioId);
    const from = dates.resolve('from', query.from).asOfDate;
    const to = dates.resolve('to', query.to).asOfDate;
    if (from >= to) {
      throw new BadRequestException(
        `to must be a later trading day than from (from ${query.from} is the trading day ${from}, to ${query.to} is ${to})`,
      );
    }
    const attributed = await attributeBetween(this.db, { from, to, portfolioId });
    const ranked = attributed.map(({ position, attribution }) => ({
      ...attribution,
      row: positionJson({
        portfolio_id: position.portfolioId,
        security_id: position.securityId,
        security_name: position.securityName,
        ticker: position.ticker,
        period_from: from,
        period_to: to,
        ...amountsInCents(attribution),
      }),
    }));
    return {
      summary: { ...summaryJson(portfolioId, ranked), period_from: from, period_to: to },
      details: byMagnitude(ranked),
    };
  }

  /**
   * Ranked in SQL, by the variance library's rule (rankTopMovers: largest |total_pnl| first, ties
   * in portfolio, security order; a test holds the two to the same answer): one query returns the
   * page and the count, with no row loaded only to be sorted away.
   */
  async topMovers(query: TopMoversQuery): Promise<Page<VarianceDetailResponse>> {
    const rows: (VarianceRow & { total: number })[] = await this.db.query(
      `${VARIANCE_SELECT_WITH_TOTAL} ORDER BY abs(v.total_pnl) DESC, v.portfolio_id, v.security_id LIMIT $1`,
      [query.limit],
    );
    const total = rows.length > 0 ? rows[0].total : await this.countVarianceRows();
    return new Page(
      rows.map(({ total: _total, ...row }) => detailJson(row)),
      total,
    );
  }

  private async countVarianceRows(): Promise<number> {
    const [{ total }] = await this.db.query('SELECT count(*)::int AS total FROM variance_summary');
    return total;
  }

  async quarterly(query: QuarterlyVarianceQuery): Promise<Page<QuarterlyVarianceResponse>> {
    if (query.portfolio_id) await this.portfolios.assertPortfolioExists(query.portfolio_id);
    if (query.security_id) await this.securities.findSecurity(query.security_id);
    const page = await pagedQuery<StoredPositionRow & { quarter_label: string }>(this.db, {
      from: 'variance_quarterly v JOIN securities_master s ON s.security_id = v.security_id',
      columns: `v.portfolio_id, v.security_id, s.security_name, s.ticker, v.quarter_label, v.period_from,
                v.period_to, ${VARIANCE_AMOUNT_COLUMNS.map((column) => `v.${column}`).join(', ')}`,
      orderBy: 'v.quarter_label, v.portfolio_id, v.security_id',
      filters: {
        'v.portfolio_id': query.portfolio_id,
        'v.quarter_label': query.quarter,
        'v.security_id': query.security_id,
      },
      limit: query.limit,
      offset: query.offset,
    });
    return page.map((row) => ({ quarter_label: row.quarter_label, ...positionJson(row) }));
  }
}
