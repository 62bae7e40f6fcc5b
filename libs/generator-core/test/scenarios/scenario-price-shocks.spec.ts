import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

/** A shock moves the share by at least 40% in the quarter. */
const LARGE_MOVE = 0.4;

describe.each(SEEDS)('scenario: large price shocks topping the movers list (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const movers = [...view.tables.variance_summary].sort((a, b) =>
    dec(b.total_pnl).abs().comparedTo(dec(a.total_pnl).abs()),
  );

  it.each(SCENARIOS.priceShocks)(
    'moves $securityId by its shock in the period',
    ({ securityId, move }) => {
      const change = view.close2(securityId).dividedBy(view.close1(securityId)).minus(1).toNumber();
      expect(Math.abs(change)).toBeGreaterThan(LARGE_MOVE);
      expect(Math.sign(change)).toBe(Math.sign(move[0]));
    },
  );

  it('puts the shocked positions at the top of the movers list by |total_pnl|', () => {
    const top = movers
      .slice(0, SCENARIOS.priceShocks.length)
      .map((row) => `${row.portfolio_id}|${row.security_id}`);
    expect(top.sort()).toEqual(
      SCENARIOS.priceShocks
        .map(({ portfolioId, securityId }) => `${portfolioId}|${securityId}`)
        .sort(),
    );
  });

  it('explains the shocked positions’ P&L by price, not by trading', () => {
    for (const row of movers.slice(0, SCENARIOS.priceShocks.length)) {
      expect(row.qty_effect).toBe('0.00');
      expect(dec(row.price_effect).abs().gt(dec(row.total_pnl).abs().times(0.8))).toBe(true);
    }
  });
});
