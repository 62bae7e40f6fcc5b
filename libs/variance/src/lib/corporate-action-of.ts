import { CorporateAction } from './attribution.types';
import { DecimalInput } from './decimal-input';

/**
 * A corporate_actions row (type, ratio, amount) as the attribution reads it: a split without a
 * ratio counts as 1, a dividend or coupon without an amount as 0.
 */
export function corporateActionOf(
  type: CorporateAction['type'],
  ratio: DecimalInput | null | undefined,
  amount: DecimalInput | null | undefined,
): CorporateAction {
  switch (type) {
    case 'STOCK_SPLIT':
      return { type, ratio: ratio ?? '1' };
    case 'DIVIDEND':
    case 'COUPON':
      return { type, amount: amount ?? '0' };
    case 'MATURITY':
      return { type };
  }
}
