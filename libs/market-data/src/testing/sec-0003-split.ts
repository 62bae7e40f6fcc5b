import { CorporateActionRecord } from '../lib/adjustment/adjustment-factors';

/** The base set's 4-for-1 split of SEC-0003, ex-date Friday 7 February 2025. */
export const SEC_0003_SPLIT: CorporateActionRecord = {
  actionId: 2,
  actionType: 'STOCK_SPLIT',
  exDate: '2025-02-07',
  ratio: '4.000000',
  amount: null,
  previousClose: { date: '2025-02-06', close: '412.520000' },
};
