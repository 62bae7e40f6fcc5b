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

const VARIANCE_SELECT = `
  SELECT v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from, v.period_to,
         v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl
  FROM variance_summary v JOIN securities_master s ON s.security_id = v.security_id`;

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

function toDetail({ row }: RankedRow): VarianceDetailResponse {
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

/** Summaries and rankings come from the variance library; this service only reads rows. */
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
      details: rankTopMovers(attributions, Math.max(attributions.length, 1)).map(toDetail),
    };
  }

  async topMovers(query: TopMoversQuery): Promise<Page<VarianceDetailResponse>> {
    const rows: VarianceRow[] = await this.db.query(
      `${VARIANCE_SELECT} ORDER BY v.portfolio_id, v.security_id`,
    );
    return new Page(rankTopMovers(rows.map(toAttribution), query.limit).map(toDetail), rows.length);
  }
}
