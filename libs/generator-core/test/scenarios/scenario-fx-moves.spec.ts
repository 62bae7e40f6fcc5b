import { SCENARIOS } from '../../src/lib/base-set/scenarios';
import { baseSetView, dec, SEEDS } from '../support/base-set-view';

/** A move of 3% in a quarter is material for a major currency against the dollar. */
const MATERIAL_MOVE = 0.03;

describe.each(SEEDS)('scenario: material FX moves (seed %i)', (seed) => {
  const view = baseSetView(seed);

  it.each(SCENARIOS.fxMoves.currencies)('moves %s by more than 3% against USD', (currency) => {
    const move = view
      .fx(currency, '2025-03-31')
      .dividedBy(view.fx(currency, '2024-12-31'))
      .minus(1)
      .abs()
      .toNumber();
    expect(move).toBeGreaterThan(MATERIAL_MOVE);
  });

  it('shows the moves as FX effect on the positions in those currencies, and none on USD ones', () => {
    for (const row of view.tables.variance_summary) {
      const currency = view.security(row.security_id ?? '').currency ?? '';
      if (currency === 'USD') expect(row.fx_effect).toBe('0.00');
    }
    for (const currency of SCENARIOS.fxMoves.currencies) {
      const rising = view.fx(currency, '2025-03-31').gt(view.fx(currency, '2024-12-31'));
      const longs = view.tables.variance_summary.filter(
        (row) =>
          view.security(row.security_id ?? '').currency === currency &&
          dec(view.holding2(`${row.portfolio_id}|${row.security_id}`)?.quantity).gt(0),
      );
      expect(longs.length).toBeGreaterThan(0);
      for (const row of longs) expect(dec(row.fx_effect).gt(0)).toBe(rising);
    }
  });
});
