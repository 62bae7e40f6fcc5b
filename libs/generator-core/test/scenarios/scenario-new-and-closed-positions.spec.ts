import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

describe.each(SEEDS)('scenario: 13 new and 2 closed positions (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const keys = view.positionKeys();
  const opened = keys.filter((key) => !view.holding1(key) && view.holding2(key));
  const closed = keys.filter((key) => view.holding1(key) && !view.holding2(key));

  it('opens 13 positions and closes 2: 156 - 2 + 13 = 167, 169 positions in all', () => {
    expect(opened).toHaveLength(13);
    expect(closed).toHaveLength(2);
    expect(keys).toHaveLength(169);
  });

  it('opens each new position with trades in the period, from nothing', () => {
    for (const key of opened) {
      const trades = view.tradesOf(key);
      expect(trades.length).toBeGreaterThan(0);
      const net = trades.reduce(
        (sum, row) =>
          row.txn_type === 'BUY' ? sum.plus(dec(row.quantity)) : sum.minus(dec(row.quantity)),
        dec('0'),
      );
      expect(net.toString()).toBe(view.holding2(key)?.quantity);
      const row = view.tables.variance_summary.find(
        (candidate) => `${candidate.portfolio_id}|${candidate.security_id}` === key,
      );
      expect(row?.mv_start).toBe('0.00');
      expect(row?.total_pnl).toBe(row?.mv_end);
    }
  });

  it('closes one position by selling it out and the other by the bond’s maturity', () => {
    const sold = closed.filter((key) => view.tradesOf(key).length > 0);
    expect(sold).toHaveLength(1);
    expect(sold[0].startsWith(SCENARIOS.closedBySale.portfolioId)).toBe(true);
    const sales = view.tradesOf(sold[0]);
    expect(sales.every((row) => row.txn_type === 'SELL')).toBe(true);
    expect(sales.reduce((sum, row) => sum.plus(dec(row.quantity)), dec('0')).toString()).toBe(
      view.holding1(sold[0])?.quantity,
    );
    expect(closed).toContain(
      `${SCENARIOS.maturingBond.portfolioId}|${SCENARIOS.maturingBond.securityId}`,
    );
  });

  it('values a sold-out position’s change as quantity effect at the period-1 price', () => {
    const [sold] = closed.filter((key) => view.tradesOf(key).length > 0);
    const row = view.tables.variance_summary.find(
      (candidate) => `${candidate.portfolio_id}|${candidate.security_id}` === sold,
    );
    expect(row).toMatchObject({ mv_end: '0.00', price_effect: '0.00', fx_effect: '0.00' });
    expect(row?.qty_effect).toBe(row?.total_pnl);
  });
});
