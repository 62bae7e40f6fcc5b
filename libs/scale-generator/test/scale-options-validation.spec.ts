import { resolveScaleProfile, SCALE_PROFILE_NAMES } from '../src';

describe('scale options are validated before anything is written', () => {
  it.each([
    [
      { securities: 50 },
      "--securities: at least 120 (got 50): the portfolios hold the base set's 120 securities, and each needs its daily bars",
    ],
    [
      { securities: 120, from: '2024-01-01', to: '2024-12-31' },
      '--securities: at least 136 for the small profile over 2024-01-01 .. 2024-12-31 (got 120): its 240 holdings a day need that many securities to trade',
    ],
    [{ securities: 10_000 }, '--securities: at most 9999 (got 10000): ids are SEC-0001..SEC-9999'],
    [
      { from: '2019-12-31' },
      "--from: must lie in 2020-01-01 .. 2025-03-31, the days the platform's data covers (got 2019-12-31)",
    ],
    [
      { to: '2025-04-01' },
      "--to: must lie in 2020-01-01 .. 2025-03-31, the days the platform's data covers (got 2025-04-01)",
    ],
    [
      { from: '2024-06-01', to: '2024-06-02' },
      '--from/--to: 2024-06-01 .. 2024-06-02 holds no weekday: give a range with at least one trading day',
    ],
  ])('refuses the small profile with %j, saying why and what is allowed', (overrides, message) => {
    expect(() => resolveScaleProfile('small', overrides)).toThrow(message);
  });

  it('accepts every profile as it is, and the README example', () => {
    for (const name of SCALE_PROFILE_NAMES) expect(() => resolveScaleProfile(name)).not.toThrow();
    expect(
      resolveScaleProfile('small', { securities: 140, from: '2024-01-01', to: '2024-12-31' }),
    ).toMatchObject({ securities: 140, from: '2024-01-01', to: '2024-12-31' });
  });
});
