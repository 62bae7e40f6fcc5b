import {
  CompanyNamer,
  createCompanyNamer,
  createIdentifierFactory,
  createRandomSource,
  createTickerAllocator,
  IdentifierFactory,
  issuerId,
  RandomSource,
  TickerAllocator,
} from '@securities/market-sim';

/** The seeded tools the universe is drawn with, one random stream each. */
export interface UniverseContext {
  random: RandomSource;
  identifiers: IdentifierFactory;
  namer: CompanyNamer;
  tickers: TickerAllocator;
}

export function createUniverseContext(seed: number): UniverseContext {
  return {
    random: createRandomSource(seed, 'universe'),
    identifiers: createIdentifierFactory(createRandomSource(seed, 'identifiers')),
    namer: createCompanyNamer(createRandomSource(seed, 'names')),
    tickers: createTickerAllocator(createRandomSource(seed, 'tickers')),
  };
}

/** Share line SEC-00nn is the only share of issuer ISS-0nn. */
export const issuerOfEquity = (equityId: string) => issuerId(Number(equityId.slice(4)));
