import {
  CompanyNamer,
  createCompanyNamer,
  createIdentifierFactory,
  createRandomSource,
  createTickerAllocator,
  IdentifierFactory,
  issuerId,
  RandomSource,
  TakenIdentifiers,
  TakenTickers,
  TickerAllocator,
} from '@securities/market-sim';

/** The seeded tools the universe is drawn with, one random stream each. */
export interface UniverseContext {
  random: RandomSource;
  identifiers: IdentifierFactory;
  namer: CompanyNamer;
  tickers: TickerAllocator;
}

/** What a grown universe must not draw again: the identifiers, tickers and names already in use. */
export interface TakenInUniverse {
  identifiers: TakenIdentifiers;
  tickers: TakenTickers;
  nameStems: Iterable<string>;
}

/**
 * The base set's streams are 'universe', 'identifiers', 'names' and 'tickers'; a universe grown
 * on top of it draws from the same four under its own prefix ('scale/130/universe', ...), and
 * rates its new issuers from '<prefix>/bond-ratings' and '<prefix>/ratings'.
 */
export function createUniverseContext(
  seed: number,
  grown?: { streamPrefix: string; taken: TakenInUniverse },
): UniverseContext {
  const stream = (name: string) => (grown ? `${grown.streamPrefix}/${name}` : name);
  return {
    random: createRandomSource(seed, stream('universe')),
    identifiers: createIdentifierFactory(
      createRandomSource(seed, stream('identifiers')),
      grown?.taken.identifiers,
    ),
    namer: createCompanyNamer(createRandomSource(seed, stream('names')), grown?.taken.nameStems),
    tickers: createTickerAllocator(
      createRandomSource(seed, stream('tickers')),
      grown?.taken.tickers,
    ),
  };
}

/** Share line SEC-00nn is the only share of issuer ISS-0nn. */
export const issuerOfEquity = (equityId: string) => issuerId(Number(equityId.slice(4)));
