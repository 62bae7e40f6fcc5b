import { annualRiskUsd, parametricValueAtRisk } from './portfolio-risk';

describe('portfolio risk', () => {
  it('adds exposures to a factor before squaring, so a short offsets a long', () => {
    expect(
      annualRiskUsd([
        { factorExposuresUsd: { market: 300 }, idiosyncraticUsd: 0 },
        { factorExposuresUsd: { market: -300 }, idiosyncraticUsd: 0 },
      ]),
    ).toBe(0);
    expect(
      annualRiskUsd([
        { factorExposuresUsd: { market: 300 }, idiosyncraticUsd: 0 },
        { factorExposuresUsd: { market: 100 }, idiosyncraticUsd: 0 },
      ]),
    ).toBe(400);
  });

  it('diversifies own risks and independent factors', () => {
    expect(annualRiskUsd([{ factorExposuresUsd: { market: 300 }, idiosyncraticUsd: 400 }])).toBe(
      500,
    );
    expect(
      annualRiskUsd([{ factorExposuresUsd: { rates: 30, fx: 40 }, idiosyncraticUsd: 0 }]),
    ).toBe(50);
  });

  it('turns annual risk into one-day VaR with the normal quantile', () => {
    expect(parametricValueAtRisk(1_587_450, 0.95)).toBeCloseTo(1.644854 * 100_000, -1);
    expect(parametricValueAtRisk(1_587_450, 0.99)).toBeGreaterThan(
      parametricValueAtRisk(1_587_450, 0.95),
    );
  });
});
