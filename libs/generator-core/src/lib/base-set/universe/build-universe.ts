import { buildBonds } from './bonds';
import { buildFutures, buildOptions } from './derivatives';
import { buildEquities } from './equities';
import { buildFunds } from './funds';
import { buildStructuredProducts } from './structured-products';
import { createUniverseContext } from './universe-context';
import { Universe } from './universe-model';

/** The 71 issuers and 120 securities of the base set, with how each one is priced. Pure in the seed. */
export function buildUniverse(seed: number): Universe {
  const context = createUniverseContext(seed);
  const equities = buildEquities(context);
  const bonds = buildBonds(context, equities.issuers);
  const options = buildOptions(context, equities.securities);
  const futures = buildFutures(context);
  const structured = buildStructuredProducts(context);
  const funds = buildFunds(context, equities.issuers);
  return {
    issuers: [...equities.issuers, ...structured.issuers],
    securities: [
      ...equities.securities,
      ...bonds.securities,
      ...options,
      ...futures,
      ...structured.securities,
      ...funds,
    ],
    ratedIssuers: [...bonds.ratedIssuers, ...structured.ratedIssuers],
  };
}
