import { excessKurtosis, median } from '@securities/market-sim';
import {
  AGGREGATION_LADDER,
  formatRange,
  inRange,
  SECURITY_FACTS,
  SecurityFact,
} from '../src/lib/realism/realism-facts';
import { simulateMarket } from './support/simulated-market';
import { logReturns, sectorCorrelations, securityFacts } from './support/stylized-facts';

/**
 * The scale generator's price processes, simulated in memory over the full profile's five years
 * (1,369 days) for 44 shares (4 per sector), the last 250 sessions of 10 of them tick by tick:
 * the realism report's statistics land in the target ranges (Cont 2001). Fixed seeds: the same
 * numbers every run.
 */
describe('stylized facts of the simulated prices (full-profile length, in memory)', () => {
  const market = simulateMarket(42, 44, '2020-01-01', '2025-03-31');
  const intradaySecurities = 10;
  const intradayDays = 250;
  const firstIntradayDay = market.days.length - intradayDays;
  const facts = market.sources.map((source, i) =>
    securityFacts(
      source.path.closes,
      source.path.volumes,
      i < intradaySecurities
        ? Array.from({ length: intradayDays }, (_, d) =>
            market.session(source, firstIntradayDay + d),
          )
        : [],
    ),
  );
  const medianOf = (fact: SecurityFact) =>
    median(facts.map((row) => row[fact]).filter((value): value is number => value !== null));

  it.each(
    SECURITY_FACTS.filter(({ target }) => formatRange(target) !== '').map(
      ({ fact, label, target }) => [label, formatRange(target), fact, target] as const,
    ),
  )('%s: the median is %s', (_label, _range, fact, target) => {
    expect(inRange(medianOf(fact), target)).toBe(true);
  });

  it('aggregational Gaussianity: the kurtosis falls from 20 s to 1 min to 1 h to 1 day', () => {
    // The daily rung over the same sessions as the intraday ones.
    const daily = median(
      market.sources
        .slice(0, intradaySecurities)
        .map((source) =>
          excessKurtosis(logReturns(source.path.closes.slice(firstIntradayDay - 1))),
        ),
    );
    const ladder = [...AGGREGATION_LADDER.slice(0, -1).map(medianOf), daily];
    ladder.slice(1).forEach((value, i) => expect(value).toBeLessThan(ladder[i]));
    expect(daily).toBeGreaterThan(0);
  });

  it('moves shares of a sector together more than shares of different sectors', () => {
    const { within, across } = sectorCorrelations(
      market.sources.map((source) => ({
        sector: source.sector,
        returns: logReturns(source.path.closes),
      })),
    );
    expect(within).toBeGreaterThan(across + 0.05);
    expect(across).toBeGreaterThan(0.1);
  });
});
