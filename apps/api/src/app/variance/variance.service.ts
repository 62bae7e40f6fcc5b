import { Injectable } from '@nestjs/common';
import {
  PortfolioVarianceResponse,
  TopMoversQuery,
  VarianceDetailResponse,
} from '@securities/contracts';
import {
  PositionAttribution,
  rankTopMovers,
  summarisePortfolio,
  toCents,
} from '@securities/variance';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';
import { Page } from '../common/page';
import { PortfoliosService } from '../portfolios/portfolios.service';

interface VarianceRow {
  summary_id: number;
  portfolio_id: string;
  security_id: string;
  security_name: string;
  ticker: string;
  period_from: string;
  period_to: string;
  mv_start: string;
  mv_end: string;
  price_effect: string;
  qty_effect: string;
  fx_effect: string;
  corp_action_effect: string;
  total_pnl: string;
}

/** A stored row as the variance library sees it: exact decimals, not JSON numbers. */
interface RankedRow extends PositionAttribution {
  row: VarianceRow;
}

const VARIANCE_COLUMNS = `v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from,
  v.period_to, v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl`;
const VARIANCE_FROM =
  'variance_summary v JOIN securities_master s ON s.security_id = v.security_id';
const VARIANCE_SELECT = `SELECT ${VARIANCE_COLUMNS} FROM ${VARIANCE_FROM}`;
/** The rows and, on each, the number of rows before LIMIT. */
const VARIANCE_SELECT_WITH_TOTAL = `SELECT ${VARIANCE_COLUMNS}, (count(*) OVER ())::int AS total FROM ${VARIANCE_FROM}`;

function toAttribution(row: VarianceRow): RankedRow {
  return {
    row,
    mvStart: new Decimal(row.mv_start),
    mvEnd: new Decimal(row.mv_end),
    priceEffect: new Decimal(row.price_effect),
    qtyEffect: new Decimal(row.qty_effect),
    fxEffect: new Decimal(row.fx_effect),
    corpActionEffect: new Decimal(row.corp_action_effect),
    totalPnl: new Decimal(row.total_pnl),
  };
}

function toDetail(row: VarianceRow): VarianceDetailResponse {
  return {
    ...row,
    summary_id: Number(row.summary_id),
    mv_start: jsonNumber(row.mv_start),
    mv_end: jsonNumber(row.mv_end),
    price_effect: jsonNumber(row.price_effect),
    qty_effect: jsonNumber(row.qty_effect),
    fx_effect: jsonNumber(row.fx_effect),
    corp_action_effect: jsonNumber(row.corp_action_effect),
    total_pnl: jsonNumber(row.total_pnl),
  };
}

const money = (value: Decimal) => Number(toCents(value));

/** Portfolio summaries and rankings come from the variance library; top movers are ranked in SQL by its rule. */
@Injectable()
export class VarianceService {
  constructor(
    private readonly db: DataSource,
    private readonly portfolios: PortfoliosService,
  ) {}

  async portfolioVariance(portfolioId: string): Promise<PortfolioVarianceResponse> {
    await this.portfolios.assertPortfolioExists(portfolioId);
    const rows: VarianceRow[] = await this.db.query(
      `${VARIANCE_SELECT} WHERE v.portfolio_id = $1 ORDER BY v.security_id`,
      [portfolioId],
    );
    const attributions = rows.map(toAttribution);
    const totals = summarisePortfolio(attributions);
    return {
      summary: {
        portfolio_id: portfolioId,
        total_mv_start: money(totals.totalMvStart),
        total_mv_end: money(totals.totalMvEnd),
        total_price_effect: money(totals.totalPriceEffect),
        total_qty_effect: money(totals.totalQtyEffect),
        total_fx_effect: money(totals.totalFxEffect),
        total_corp_action_effect: money(totals.totalCorpActionEffect),
        total_pnl: money(totals.totalPnl),
      },
      details: rankTopMovers(attributions, Math.max(attributions.length, 1)).map(({ row }) =>
        toDetail(row),
      ),
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
      rows.map(({ total: _total, ...row }) => toDetail(row)),
      total,
    );
  }

  private async countVarianceRows(): Promise<number> {
    const [{ total }] = await this.db.query('SELECT count(*)::int AS total FROM variance_summary');
    return total;
  }
}
