import { businessDaysBetween, correlation } from '@securities/market-sim';
import { buildMarketFactors } from '../src';
import { ScaleSecurity, simulateSecurityPath } from '../src/lib/prices/security-path';
import { share } from './support/simulated-market';
import { logReturns } from './support/stylized-facts';

describe('an option follows its underlying share (when the data has one)', () => {
  const days = businessDaysBetween('2024-01-01', '2025-03-31');
  const factors = buildMarketFactors(7, days.length, ['Technology'], ['USD']);
  const underlying = share('SEC-0500', 'Technology');
  const spot = simulateSecurityPath(underlying, days, factors, 7);
  const strike = Math.round(spot.closes[0] / 10_000);
  const option = (kind: 'call' | 'put', securityId: string): ScaleSecurity => ({
    ...share(securityId, 'Technology'),
    securityType: 'OPTION',
    maturityDate: '2026-06-19',
    option: { kind, strike, underlying },
  });
  const call = simulateSecurityPath(option('call', 'SEC-0501'), days, factors, 7);
  const put = simulateSecurityPath(option('put', 'SEC-0502'), days, factors, 7);

  it('moves with the share (a call) or against it (a put)', () => {
    // An unrelated share of the same sector would correlate about 0.35 (market and sector factors).
    const shareReturns = logReturns(spot.closes);
    expect(correlation(logReturns(call.closes), shareReturns)).toBeGreaterThan(0.7);
    expect(correlation(logReturns(put.closes), shareReturns)).toBeLessThan(-0.7);
  });

  it('is worth at least its intrinsic value and less than the share (a call)', () => {
    for (let day = 0; day < days.length; day += 20) {
      const intrinsic = Math.max(0, spot.closes[day] - strike * 10_000);
      expect(call.closes[day]).toBeGreaterThanOrEqual(intrinsic - 1);
      expect(call.closes[day]).toBeLessThan(spot.closes[day]);
    }
  });

  it("draws nothing of its own: the same underlying gives the same option, whatever the option's id", () => {
    const again = simulateSecurityPath(option('call', 'SEC-0777'), days, factors, 7);
    expect(Array.from(again.closes)).toEqual(Array.from(call.closes));
  });
});
