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
import { closeBeforeKey, previousCloses, PreviousCloseRow } from '../market-data/previous-closes';

interface ActionRow {
  action_id: number;
  security_id: string;
  action_type: CorporateActionType;
  ex_date: string;
  record_date: string;
  payment_date: string;
  ratio: string | null;
  amount: string | null;
}

const ACTIONS_SQL = (where: string) => `
  SELECT a.action_id, a.security_id, a.action_type, a.ex_date, a.record_date, a.payment_date,
         a.ratio, a.amount
  FROM corporate_actions a
  WHERE ${where}
  ORDER BY a.ex_date, a.action_id`;

/** An action, the last close before its ex-date (the basis of a dividend's factor) and its factors. */
interface FactoredAction {
  row: ActionRow;
  previous: PreviousCloseRow | undefined;
  factors: ActionFactors;
}

function recordOf(row: ActionRow, previous: PreviousCloseRow | undefined): CorporateActionRecord {
  return {
    actionId: row.action_id,
    actionType: row.action_type,
    exDate: row.ex_date,
    ratio: row.ratio,
    amount: row.amount,
    previousClose: previous
      ? { date: previous.previous_close_date, close: previous.previous_close }
      : null,
  };
}

/** Corporate actions as price and volume factors, from what corporate_actions and pricing_history hold. */
@Injectable()
export class AdjustmentsService {
  constructor(private readonly db: DataSource) {}

  private async factorsOf(where: string, params: unknown[]): Promise<FactoredAction[]> {
    const rows: ActionRow[] = await this.db.query(ACTIONS_SQL(where), params);
    const exDays = rows.map((row) => ({ security_id: row.security_id, before: row.ex_date }));
    const closes = await previousCloses(this.db, exDays);
    const closeOf = new Map(closes.map((close) => [closeBeforeKey(close), close]));
    return rows.map((row, i) => {
      const previous = closeOf.get(closeBeforeKey(exDays[i]));
      return { row, previous, factors: actionFactors(recordOf(row, previous)) };
    });
  }

  async findSecurityActions(securityId: string): Promise<SecurityCorporateActionResponse[]> {
    const actions = await this.factorsOf('a.security_id = $1', [securityId]);
    return actions.map(({ row, previous, factors }) => ({
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
      previous_close: jsonNumber(previous?.previous_close ?? null),
      previous_close_date: previous?.previous_close_date ?? null,
    }));
  }

  /** The back-adjustment of one security's bars; empty (nothing to multiply) for raw. */
  async scheduleFor(securityId: string, adjustment: Adjustment): Promise<AdjustmentStep[]> {
    if (adjustment === 'raw') return [];
    const actions = await this.factorsOf('a.security_id = $1', [securityId]);
    return adjustmentSchedule(
      actions.map((action) => action.factors),
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
    for (const { row, factors: action } of actions) {
      const own = factors.get(row.security_id) ?? new ExactDecimal(1);
      factors.set(row.security_id, own.times(action.splitFactor).times(action.dividendFactor));
    }
    return factors;
  }
}
