import { ratingNotch } from '@securities/market-sim';
import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

const LOWEST_INVESTMENT_GRADE_NOTCH = 9;
/** A fall of more than 5% in a quarter is a large move for an investment-grade bond. */
const MATERIAL_DROP = 0.05;

describe.each(SEEDS)('scenario: issuer downgrade with a bond price drop (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const issuerId = view.security(SCENARIOS.downgrade.bondIds[0]).issuer_id;
  const history = view.tables.credit_ratings.filter((row) => row.issuer_id === issuerId);
  const inPeriod = history.filter(
    (row) => (row.rating_date ?? '') > '2024-12-31' && (row.rating_date ?? '') <= '2025-03-31',
  );

  it('downgrades the issuer of both bonds in the period, from investment grade to high yield', () => {
    expect(SCENARIOS.downgrade.bondIds.map((id) => view.security(id).issuer_id)).toEqual([
      issuerId,
      issuerId,
    ]);
    expect(inPeriod.map((row) => row.action)).toEqual(['DOWNGRADE']);
    const before = history[history.length - 2];
    const after = inPeriod[0];
    expect(ratingNotch(before.rating ?? '')).toBeLessThanOrEqual(LOWEST_INVESTMENT_GRADE_NOTCH);
    expect(ratingNotch(after.rating ?? '')).toBeGreaterThan(LOWEST_INVESTMENT_GRADE_NOTCH);
    expect(ratingNotch(after.rating ?? '') - ratingNotch(before.rating ?? '')).toBe(
      SCENARIOS.downgrade.notches,
    );
  });

  it.each(SCENARIOS.downgrade.bondIds)(
    'drops the price of %s by more than 5%, more than the average bond',
    (bondId) => {
      const drop = (id: string) => view.close2(id).dividedBy(view.close1(id)).minus(1).toNumber();
      expect(drop(bondId)).toBeLessThan(-MATERIAL_DROP);
      const others = view.tables.securities_master.filter(
        (row) =>
          row.security_type === 'BOND' && row.status === 'ACTIVE' && row.issuer_id !== issuerId,
      );
      const average =
        others.reduce((sum, row) => sum + drop(row.security_id ?? ''), 0) / others.length;
      expect(drop(bondId)).toBeLessThan(average - MATERIAL_DROP);
    },
  );

  it('shows the drop as a negative price effect for every holder', () => {
    for (const bondId of SCENARIOS.downgrade.bondIds) {
      const rows = view.tables.variance_summary.filter((row) => row.security_id === bondId);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(dec(row.price_effect).isNegative()).toBe(true);
    }
  });
});
