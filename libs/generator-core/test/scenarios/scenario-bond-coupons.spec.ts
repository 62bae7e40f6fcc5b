import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

describe.each(SEEDS)('scenario: bond coupons (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const coupons = view.tables.corporate_actions.filter((row) => row.action_type === 'COUPON');

  it('pays the coupons that fall in the period: four bonds and the maturing one’s last', () => {
    expect(coupons.map((row) => row.security_id).sort()).toEqual(
      [SCENARIOS.maturingBond.securityId, ...SCENARIOS.couponBonds].sort(),
    );
    for (const row of coupons) {
      expect(row.ex_date && row.ex_date > '2024-12-31' && row.ex_date <= '2025-03-31').toBe(true);
      expect(row.record_date).toBe(row.ex_date);
      expect((row.payment_date ?? '') > (row.record_date ?? '')).toBe(true);
    }
  });

  it('pays the coupon rate over the year’s payments, per 100 nominal', () => {
    for (const row of coupons) {
      const rate = dec(view.security(row.security_id ?? '').coupon_rate);
      expect([rate.dividedBy(2).toString(), rate.toString()]).toContain(dec(row.amount).toString());
    }
  });

  it('holds every coupon bond on both dates and takes the coupon out as corporate-action effect', () => {
    for (const securityId of SCENARIOS.couponBonds) {
      const [coupon] = view.actionsOf(securityId);
      const currency = view.security(securityId).currency ?? '';
      const rows = view.tables.variance_summary.filter((row) => row.security_id === securityId);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const q2 = view.holding2(`${row.portfolio_id}|${securityId}`)?.quantity ?? '0';
        const expected = dec(q2)
          .times(dec(coupon.amount))
          .times('0.01')
          .times(view.fx(currency, '2024-12-31'))
          .negated();
        expect(row.corp_action_effect).toBe(expected.toDecimalPlaces(2).toFixed(2));
      }
    }
  });
});
