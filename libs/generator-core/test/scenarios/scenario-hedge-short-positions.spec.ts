import { baseSetView, dec, SEEDS } from '../support/base-set-view';

const HEDGE = 'PORT-007';

describe.each(SEEDS)('scenario: short positions in the hedge portfolio (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const holdings = view.tables.holdings_period_2.filter((row) => row.portfolio_id === HEDGE);
  const shorts = holdings.filter((row) => dec(row.quantity).isNegative());

  it('holds shorts (negative quantities) beside longs, only in the hedge portfolio', () => {
    expect(shorts.length).toBeGreaterThanOrEqual(5);
    expect(holdings.length - shorts.length).toBeGreaterThanOrEqual(5);
    for (const row of [...view.tables.holdings_period_1, ...view.tables.holdings_period_2]) {
      if (row.portfolio_id !== HEDGE) expect(dec(row.quantity).isNegative()).toBe(false);
    }
  });

  it('values a short negatively, with a negative book cost and a negative weight', () => {
    for (const row of shorts) {
      expect(dec(row.market_value).isNegative()).toBe(true);
      expect(dec(row.cost_basis).isNegative()).toBe(true);
      expect(dec(row.weight).isNegative()).toBe(true);
    }
  });

  it('grows a short with SELLs and covers it with BUYs', () => {
    const opened = view
      .positionKeys()
      .filter(
        (key) =>
          key.startsWith(HEDGE) &&
          !view.holding1(key) &&
          dec(view.holding2(key)?.quantity).isNegative(),
      );
    expect(opened.length).toBeGreaterThan(0);
    for (const key of opened) expect(view.tradesOf(key)[0].txn_type).toBe('SELL');
  });

  it('keeps the portfolio net long, so its weights stay meaningful', () => {
    const net = holdings.reduce((sum, row) => sum.plus(dec(row.market_value)), dec('0'));
    expect(net.gt(0)).toBe(true);
  });
});
