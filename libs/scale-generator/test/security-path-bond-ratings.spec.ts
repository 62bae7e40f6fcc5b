import { businessDaysBetween } from '@securities/market-sim';
import { buildMarketFactors } from '../src';
import { ScaleSecurity, simulateSecurityPath } from '../src/lib/prices/security-path';

describe('a bond priced from its issuer ratings (credit_ratings)', () => {
  const days = businessDaysBetween('2024-01-01', '2025-03-31');
  const factors = buildMarketFactors(7, days.length, ['Financials'], ['USD']);
  const bond = (ratings: ScaleSecurity['ratings']): ScaleSecurity => ({
    securityId: 'SEC-0300',
    securityType: 'BOND',
    currency: 'USD',
    sector: 'Financials',
    issueDate: '2019-03-15',
    maturityDate: '2034-03-15',
    couponRate: 5,
    pinnedBars: new Map(),
    splits: [],
    ratings,
  });
  const downgrade = '2024-09-16';
  const stable = simulateSecurityPath(bond([{ date: '2019-01-01', notch: 4 }]), days, factors, 7);
  const downgraded = simulateSecurityPath(
    bond([
      { date: '2019-01-01', notch: 4 },
      { date: downgrade, notch: 11 },
    ]),
    days,
    factors,
    7,
  );
  const at = days.indexOf(downgrade);

  it('prices the same before the downgrade, and several points lower from its date on', () => {
    expect(Array.from(downgraded.closes.slice(0, at))).toEqual(
      Array.from(stable.closes.slice(0, at)),
    );
    // A+ (65 bp) to BB (250 bp): about 1.85 % of yield on a ten-year bond, well over 10 points.
    for (let day = at; day < days.length; day += 15) {
      expect(stable.closes[day] - downgraded.closes[day]).toBeGreaterThan(10 * 10_000);
    }
  });

  it('prices a bond whose issuer has no rating at A-', () => {
    const unrated = simulateSecurityPath(bond([]), days, factors, 7);
    const aMinus = simulateSecurityPath(bond([{ date: '2019-01-01', notch: 6 }]), days, factors, 7);
    expect(Array.from(unrated.closes)).toEqual(Array.from(aMinus.closes));
  });
});
