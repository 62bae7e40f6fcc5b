import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, SEEDS } from '../support/base-set-view';

const { securityId, portfolioId } = SCENARIOS.maturingBond;
const key = `${portfolioId}|${securityId}` as const;

describe.each(SEEDS)('scenario: bond maturing in the period (seed %i)', (seed) => {
  const view = baseSetView(seed);

  it('is a bond that matured inside the period and is marked MATURED', () => {
    const bond = view.security(securityId);
    expect(bond).toMatchObject({ security_type: 'BOND', status: 'MATURED' });
    expect(
      bond.maturity_date && bond.maturity_date > '2024-12-31' && bond.maturity_date <= '2025-03-31',
    ).toBe(true);
    expect(view.tables.securities_master.filter((row) => row.status === 'MATURED')).toHaveLength(1);
  });

  it('records the redemption at par on the maturity date', () => {
    const [maturity] = view.actionsOf(securityId).filter((row) => row.action_type === 'MATURITY');
    expect(maturity).toMatchObject({
      ex_date: view.security(securityId).maturity_date,
      amount: '100',
      ratio: null,
    });
    expect(view.close2(securityId).toString()).toBe('100');
  });

  it('closes the position by redemption: held on period 1, gone on period 2, never sold', () => {
    expect(view.holding1(key)).toBeDefined();
    expect(view.holding2(key)).toBeUndefined();
    expect(view.tradesOf(key)).toEqual([]);
    expect(view.positionKeys().filter((candidate) => candidate.endsWith(`|${securityId}`))).toEqual(
      [key],
    );
  });

  it('puts the whole change into the corporate-action effect, as the variance library does for a maturity', () => {
    const row = view.tables.variance_summary.find(
      (candidate) => candidate.portfolio_id === portfolioId && candidate.security_id === securityId,
    );
    const mvStart = view.holding1(key)?.market_value ?? '';
    const lost = `-${mvStart}`;
    expect(row).toMatchObject({
      mv_start: mvStart,
      mv_end: '0.00',
      price_effect: '0.00',
      qty_effect: '0.00',
      fx_effect: '0.00',
      corp_action_effect: lost,
      total_pnl: lost,
    });
  });
});
