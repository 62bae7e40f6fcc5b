import {
  addMonths,
  EXCHANGES,
  futureName,
  futureTicker,
  optionName,
  optionTicker,
  rollToBusinessDay,
  securityId,
} from '@securities/market-sim';
import { ASSET_CLASSES } from '@securities/vocabulary';
import { SCENARIOS } from '../scenarios';
import {
  EU_EXCHANGE_OPERATOR_EQUITY,
  FUTURES,
  OPTION_EXPIRIES,
  OPTION_KINDS,
  US_EXCHANGE_OPERATOR_EQUITY,
} from './universe-plan';
import { SecurityModel } from './universe-model';
import { issuerOfEquity, UniverseContext } from './universe-context';
import { logUniform, roundTo } from '../draws';

const FIRST_OPTION_POSITION = 102;
const FIRST_FUTURE_POSITION = 108;
const DERIVATIVE_PRICE_DECIMALS = 2;
/** LEAPS and quarterly series are listed well over a year before they expire. */
const OPTION_LISTING_MONTHS_BEFORE_EXPIRY = 15;
const OPTION_DAILY_CONTRACTS: readonly [number, number] = [500, 8_000];
const FUTURE_DAILY_CONTRACTS: readonly [number, number] = [50_000, 1_500_000];
const FUTURE_DRIFT = 0.04;

/** Listed strikes are spaced by 1, 5 or 10 depending on the share price. */
function strikeNear(price: number): number {
  const step = price < 50 ? 1 : price < 200 ? 5 : 10;
  return Math.max(step, Math.round(price / step) * step);
}

/** SEC-0102..0107: calls and puts on US stocks, listed on Cboe. */
export function buildOptions(
  context: UniverseContext,
  equities: readonly SecurityModel[],
): SecurityModel[] {
  const { random, identifiers } = context;
  const excluded = new Set<string>([
    SCENARIOS.stockSplit.securityId,
    ...SCENARIOS.priceShocks.map((shock) => shock.securityId),
  ]);
  const underlyings = random
    .shuffle(
      equities.filter((equity) => equity.currency === 'USD' && !excluded.has(equity.securityId)),
    )
    .slice(0, OPTION_KINDS.length);
  return underlyings.map((underlying, i): SecurityModel => {
    if (underlying.pricing.kind !== 'gbm')
      throw new Error(`${underlying.securityId} is not a share`);
    const optionKind = OPTION_KINDS[i];
    const expiry = random.pick(OPTION_EXPIRIES);
    const strike = strikeNear(
      underlying.pricing.process.initialPrice * random.nextBetween(0.9, 1.1),
    );
    return {
      securityId: securityId(FIRST_OPTION_POSITION + i),
      isin: identifiers.isin({ kind: 'national', country: 'US' }),
      cusip: null,
      sedol: null,
      ticker: optionTicker(underlying.ticker, expiry, optionKind, strike),
      name: optionName(underlying.name, expiry, strike, optionKind),
      type: 'OPTION',
      assetClass: ASSET_CLASSES.OPTION,
      currency: 'USD',
      exchange: EXCHANGES.CBOE.code,
      issuerId: underlying.issuerId,
      issueDate: rollToBusinessDay(addMonths(expiry, -OPTION_LISTING_MONTHS_BEFORE_EXPIRY)),
      maturityDate: expiry,
      couponRate: null,
      status: 'ACTIVE',
      priceFactor: '1',
      priceDecimals: DERIVATIVE_PRICE_DECIMALS,
      riskSector: underlying.riskSector,
      pricing: {
        kind: 'option',
        underlyingId: underlying.securityId,
        optionKind,
        strike,
        averageVolume: logUniform(random, ...OPTION_DAILY_CONTRACTS),
      },
    };
  });
}

/** SEC-0108..0112: index, rates and gold futures on CME, an index future on Eurex. */
export function buildFutures(context: UniverseContext): SecurityModel[] {
  const { random, identifiers } = context;
  return FUTURES.map((future, i): SecurityModel => {
    const onEurex = future.exchange === 'EUREX';
    const initialPrice = roundTo(
      random.nextBetween(...future.initialPrice),
      DERIVATIVE_PRICE_DECIMALS,
    );
    return {
      securityId: securityId(FIRST_FUTURE_POSITION + i),
      isin: identifiers.isin({ kind: 'national', country: onEurex ? 'DE' : 'US' }),
      cusip: null,
      sedol: null,
      ticker: futureTicker(future.root, future.expiry),
      name: futureName(future.contract, future.expiry),
      type: 'FUTURE',
      assetClass: ASSET_CLASSES.FUTURE,
      currency: onEurex ? 'EUR' : 'USD',
      exchange: EXCHANGES[future.exchange].code,
      issuerId: issuerOfEquity(onEurex ? EU_EXCHANGE_OPERATOR_EQUITY : US_EXCHANGE_OPERATOR_EQUITY),
      issueDate: future.listed,
      maturityDate: future.expiry,
      couponRate: null,
      status: 'ACTIVE',
      priceFactor: '1',
      priceDecimals: DERIVATIVE_PRICE_DECIMALS,
      riskSector: future.riskSector,
      pricing: {
        kind: 'gbm',
        process: {
          initialPrice,
          annualDrift: FUTURE_DRIFT,
          annualVolatility: future.annualVolatility,
          marketLoading: future.marketLoading,
          sectorLoading: future.sectorLoading,
          sector: future.riskSector,
        },
        averageVolume: logUniform(random, ...FUTURE_DAILY_CONTRACTS),
        volumeStep: 1,
      },
    };
  });
}
