import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

describe.each(SEEDS)('scenario: cash dividends (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const dividends = view.tables.corporate_actions.filter((row) => row.action_type === 'DIVIDEND');

  it('pays five dividends going ex in the period, on the planned payers', () => {
    expect(dividends.map((row) => row.security_id).sort()).toEqual(
      [...SCENARIOS.dividendPayers].sort(),
    );
    for (const row of dividends) {
      expect(row.ex_date && row.ex_date > '2024-12-31' && row.ex_date <= '2025-03-31').toBe(true);
      expect((row.record_date ?? '') > (row.ex_date ?? '')).toBe(true);
      expect((row.payment_date ?? '') > (row.record_date ?? '')).toBe(true);
      expect(row.ratio).toBeNull();
    }
  });

  it('pays a plausible share of the price: 0.2% to 3% for the quarter', () => {
    for (const row of dividends) {
      const dividendYield = dec(row.amount)
        .dividedBy(view.close1(row.security_id ?? ''))
        .toNumber();
      expect(dividendYield).toBeGreaterThan(0.002);
      expect(dividendYield).toBeLessThan(0.03);
    }
  });

  it('takes the cash out of each holder’s value as corporate-action effect: -quantity_2 x dividend x FX_1', () => {
    let holders = 0;
    for (const row of dividends) {
      const securityId = row.security_id ?? '';
      const currency = view.security(securityId).currency ?? '';
      for (const summary of view.tables.variance_summary.filter(
        (candidate) => candidate.security_id === securityId,
      )) {
        const q2 = view.holding2(`${summary.portfolio_id}|${securityId}`)?.quantity ?? '0';
        const expected = dec(q2)
          .times(dec(row.amount))
          .times(view.fx(currency, '2024-12-31'))
          .negated()
          .toDecimalPlaces(2);
        expect(summary.corp_action_effect).toBe(expected.toFixed(2));
        if (dec(q2).gt(0)) {
          expect(dec(summary.corp_action_effect).isNegative()).toBe(true);
          holders++;
        }
      }
    }
    expect(holders).toBeGreaterThanOrEqual(dividends.length);
  });
});
