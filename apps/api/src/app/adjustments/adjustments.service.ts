import { Injectable } from '@nestjs/common';
import { ExactDecimal } from '@securities/variance';
import { SecurityCorporateActionResponse } from '@securities/contracts';
import {
  actionFactors,
  ActionFactors,
  AdjustmentStep,
  adjustmentSchedule,
  CorporateActionRecord,
} from '@securities/market-data';
import { Adjustment, CorporateActionType } from '@securities/vocabulary';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { jsonNumber } from '../common/decimal-json';

interface ActionRow {
  action_id: number;
  security_id: string;
  action_type: CorporateActionType;
  ex_date: string;
  record_date: string;
  payment_date: string;
  ratio: string | null;
  amount: string | null;
  previous_close_date: string | null;
  previous_close: string | null;
}

/** Each action with the last close before its ex-date, the basis of a dividend's factor. */
const ACTIONS_SQL = (where: string) => `
  SELECT a.action_id, a.security_id, a.action_type, a.ex_date, a.record_date, a.payment_date,
         a.ratio, a.amount, p.price_date AS previous_close_date, p.close_price AS previous_close
  FROM corporate_actions a
  LEFT JOIN LATERAL (
    SELECT price_date, close_price FROM pricing_history h
    WHERE h.security_id = a.security_id AND h.price_date < a.ex_date
    ORDER BY h.price_date DESC LIMIT 1) p ON true
  WHERE ${where}
  ORDER BY a.ex_date, a.action_id`;

function recordOf(row: ActionRow): CorporateActionRecord {
  return {
    actionId: row.action_id,
    actionType: row.action_type,
    exDate: row.ex_date,
    ratio: row.ratio,
    amount: row.amount,
    previousClose:
      row.previous_close === null || row.previous_close_date === null
        ? null
        : { date: row.previous_close_date, close: row.previous_close },
  };
}

/** Corporate actions as price and volume factors, from what corporate_actions and pricing_history hold. */
@Injectable()
export class AdjustmentsService {
  constructor(private readonly db: DataSource) {}

  private async factorsOf(where: string, params: unknown[]): Promise<[ActionRow, ActionFactors][]> {
    const rows: ActionRow[] = await this.db.query(ACTIONS_SQL(where), params);
    return rows.map((row) => [row, actionFactors(recordOf(row))]);
  }

  async findSecurityActions(securityId: string): Promise<SecurityCorporateActionResponse[]> {
    const actions = await this.factorsOf('a.security_id = $1', [securityId]);
    return actions.map(([row, factors]) => ({
      action_id: row.action_id,
      security_id: row.security_id,
      action_type: row.action_type,
      ex_date: row.ex_date,
      record_date: row.record_date,
      payment_date: row.payment_date,
      ratio: jsonNumber(row.ratio),
      amount: jsonNumber(row.amount),
      split_factor: factors.splitFactor.toNumber(),
      volume_factor: factors.volumeFactor.toNumber(),
      dividend_factor: factors.dividendFactor.toNumber(),
      previous_close: jsonNumber(row.previous_close),
      previous_close_date: row.previous_close_date,
    }));
  }

  /** The back-adjustment of one security's bars; empty (nothing to multiply) for raw. */
  async scheduleFor(securityId: string, adjustment: Adjustment): Promise<AdjustmentStep[]> {
    if (adjustment === 'raw') return [];
    const actions = await this.factorsOf('a.security_id = $1', [securityId]);
    return adjustmentSchedule(
      actions.map(([, factors]) => factors),
      adjustment,
    );
  }

  /**
   * The factor that makes a previous close comparable with a day's prices: the split and dividend
   * factors of every action going ex that day, by security (absent: 1).
   */
  async exDayFactors(date: string, securityIds?: readonly string[]): Promise<Map<string, Decimal>> {
    const actions = await this.factorsOf(
      'a.ex_date = $1 AND ($2::text[] IS NULL OR a.security_id = ANY($2))',
      [date, securityIds ?? null],
    );
    const factors = new Map<string, Decimal>();
    for (const [row, action] of actions) {
      const own = factors.get(row.security_id) ?? new ExactDecimal(1);
      factors.set(row.security_id, own.times(action.splitFactor).times(action.dividendFactor));
    }
    return factors;
  }
}
