import { BASE_SET_COUNTS } from '../../src/lib/base-set/base-set-counts';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

describe.each(SEEDS)('scenario: buys and sells changing quantities (seed %i)', (seed) => {
  const view = baseSetView(seed);
  const continuing = view.positionKeys().filter((key) => view.holding1(key) && view.holding2(key));
  const change = (key: (typeof continuing)[number]) => {
    const [, securityId] = key.split('|');
    return dec(view.holding2(key)?.quantity).minus(
      dec(view.holding1(key)?.quantity).times(view.splitRatio(securityId)),
    );
  };

  it('trades both ways, in positive quantities', () => {
    const { transactions } = view.tables;
    expect(transactions).toHaveLength(BASE_SET_COUNTS.transactions);
    expect(transactions.filter((row) => row.txn_type === 'BUY').length).toBeGreaterThan(30);
    expect(transactions.filter((row) => row.txn_type === 'SELL').length).toBeGreaterThan(30);
    for (const row of transactions) expect(dec(row.quantity).gt(0)).toBe(true);
  });

  it('grows some positions held on both dates and shrinks others, as quantity effect', () => {
    const longs = continuing.filter((key) => dec(view.holding1(key)?.quantity).gt(0));
    const grown = longs.filter((key) => change(key).gt(0));
    const shrunk = longs.filter((key) => change(key).lt(0));
    expect(grown.length).toBeGreaterThan(10);
    expect(shrunk.length).toBeGreaterThan(10);
    const qtyEffect = (key: string) =>
      dec(
        view.tables.variance_summary.find((row) => `${row.portfolio_id}|${row.security_id}` === key)
          ?.qty_effect,
      );
    for (const key of grown) expect(qtyEffect(key).gt(0)).toBe(true);
    for (const key of shrunk) expect(qtyEffect(key).lt(0)).toBe(true);
  });

  it('leaves untraded positions with no quantity effect', () => {
    for (const key of continuing.filter((candidate) => view.tradesOf(candidate).length === 0)) {
      expect(change(key).isZero()).toBe(true);
    }
  });
});
