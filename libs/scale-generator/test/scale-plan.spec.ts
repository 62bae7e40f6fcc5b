import { BASE_PERIOD_POSITIONS } from '@securities/vocabulary';
import { planScale, resolveScaleProfile, SEED_SCALE_COUNTS } from '../src';

const rowsOf = (profile: string) =>
  Object.fromEntries(planScale(resolveScaleProfile(profile)).phases.map((p) => [p.phase, p.rows]));

describe('the scale plan', () => {
  it('gives the seed counts for the full profile', () => {
    const plan = planScale(resolveScaleProfile('full'));
    expect(plan.tradingDays).toBe(SEED_SCALE_COUNTS.tradingDays);
    const rows = rowsOf('full');
    expect(rows.universe).toBe(1_000);
    expect(rows.pricing_history).toBe(1_369_000);
    expect(rows.holdings_history).toBe(1_040_440);
    expect(rows.variance_quarterly).toBe(29_400);
    // The trades per book holding are set so that the table, with the base set's own trades,
    // holds the seed's count: this checks that calibration, not a run (see scale-plan-matches-run).
    expect(
      Math.abs(rows.transactions + BASE_PERIOD_POSITIONS.trades - 786_091),
    ).toBeLessThanOrEqual(1);
    expect(
      Math.abs(rows.ticks - SEED_SCALE_COUNTS.tickData) / SEED_SCALE_COUNTS.tickData,
    ).toBeLessThan(0.001);
  });

  it('gives the tiny profile test-sized counts', () => {
    expect(rowsOf('tiny')).toMatchObject({
      universe: 130,
      ticks: 130 * 65 * 1_170,
      pricing_history: 130 * 65,
      holdings_history: 200 * 65,
      variance_quarterly: BASE_PERIOD_POSITIONS.either,
    });
  });

  it('keeps medium at 50 M ticks or more (the benchmark size)', () => {
    expect(rowsOf('medium').ticks).toBeGreaterThanOrEqual(50_000_000);
  });

  it('applies overrides and names the bad option', () => {
    expect(resolveScaleProfile('tiny', { securities: 125, seed: 9 })).toMatchObject({
      securities: 125,
      seed: 9,
    });
    expect(() => resolveScaleProfile('huge')).toThrow(/--profile/);
    expect(() => resolveScaleProfile('tiny', { from: '2025-02-30' })).toThrow(/--from/);
    expect(() => resolveScaleProfile('tiny', { from: '2025-04-01' })).toThrow(
      /--from: must lie in 2020-01-01 \.\. 2025-03-31/,
    );
    expect(() => resolveScaleProfile('tiny', { from: '2025-03-31', to: '2025-03-03' })).toThrow(
      /--to: must not be before --from/,
    );
    expect(() => resolveScaleProfile('tiny', { from: '2025-02-03' })).toThrow(
      /--from: a range ending/,
    );
  });
});
