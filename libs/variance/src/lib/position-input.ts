import Decimal from 'decimal.js';
import { CorporateAction, PositionAttributionInput, PositionSnapshot } from './attribution.types';
import { readDecimal, readNonNegativeDecimal, readPositiveDecimal } from './decimal-input';
import { ExactDecimal, ZERO } from './exact-decimal';
import { ExactSnapshot } from './market-value-usd';
import { VarianceInputError } from './variance-input-error';

/** The corporate actions of a period reduced to what the formulas use. */
export interface CorporateActionTotals {
  /** r: product of all split ratios, 1 when there is no split. */
  splitRatio: Decimal;
  /** D: dividends and coupons per unit summed, in price units. */
  distributionPerUnit: Decimal;
  matured: boolean;
}

export interface ExactPositionInput extends CorporateActionTotals {
  start: ExactSnapshot;
  end: ExactSnapshot;
  priceFactor: Decimal;
}

const ACTION_TYPES: readonly CorporateAction['type'][] = [
  'STOCK_SPLIT',
  'DIVIDEND',
  'COUPON',
  'MATURITY',
];

function readSnapshot(snapshot: PositionSnapshot, name: 'start' | 'end'): ExactSnapshot {
  return {
    quantity: readDecimal(snapshot.quantity, `${name}.quantity`),
    price: readPositiveDecimal(snapshot.price, `${name}.price`),
    fxRate: readPositiveDecimal(snapshot.fxRate, `${name}.fxRate`),
  };
}

function totalCorporateActions(actions: readonly CorporateAction[]): CorporateActionTotals {
  if (!Array.isArray(actions)) {
    throw new VarianceInputError('corporateActions', `must be an array, got ${String(actions)}`);
  }
  let splitRatio = new ExactDecimal(1);
  let distributionPerUnit = ZERO;
  let matured = false;
  for (const [index, action] of actions.entries()) {
    const field = `corporateActions[${index}]`;
    switch (action.type) {
      case 'STOCK_SPLIT':
        splitRatio = splitRatio.times(readPositiveDecimal(action.ratio, `${field}.ratio`));
        break;
      case 'DIVIDEND':
      case 'COUPON':
        distributionPerUnit = distributionPerUnit.plus(
          readNonNegativeDecimal(action.amount, `${field}.amount`),
        );
        break;
      case 'MATURITY':
        matured = true;
        break;
      default:
        // Reachable from untyped callers (rows read from a database or a CSV).
        throw new VarianceInputError(
          `${field}.type`,
          `must be one of ${ACTION_TYPES.join(', ')}, got ${JSON.stringify((action as { type: unknown }).type)}`,
        );
    }
  }
  return { splitRatio, distributionPerUnit, matured };
}

/** Parses and validates every input once, so the formulas only ever see finite, in-range decimals. */
export function readPositionInput(input: PositionAttributionInput): ExactPositionInput {
  return {
    start: readSnapshot(input.start, 'start'),
    end: readSnapshot(input.end, 'end'),
    priceFactor: readPositiveDecimal(input.priceFactor, 'priceFactor'),
    ...totalCorporateActions(input.corporateActions),
  };
}
