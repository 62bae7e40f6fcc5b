import {
  addMonths,
  EXCHANGES,
  IsoDate,
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
  FutureDefinition,
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
const MAX_SERIES_DRAWS = 1_000;
const OPTION_DAILY_CONTRACTS: readonly [number, number] = [500, 8_000];
const FUTURE_DAILY_CONTRACTS: readonly [number, number] = [50_000, 1_500_000];
const FUTURE_DRIFT = 0.04;
/** Futures list quarterly contracts (Mar, Jun, Sep, Dec). */
const CONTRACT_MONTHS_APART = 3;

/** Listed strikes are spaced by 1, 5 or 10 depending on the share price. */
function strikeNear(price: number): number {
  const step = price < 50 ? 1 : price < 200 ? 5 : 10;
  return Math.max(step, Math.round(price / step) * step);
}

/** How many contracts to draw and the first id; `first`: how many of the kind the data already has. */
export interface DerivativePlan {
  count: number;
  firstPosition: number;
  first: number;
}

const BASE_OPTION_PLAN: DerivativePlan = {
  count: OPTION_KINDS.length,
  firstPosition: FIRST_OPTION_POSITION,
  first: 0,
};
const BASE_FUTURE_PLAN: DerivativePlan = {
  count: FUTURES.length,
  firstPosition: FIRST_FUTURE_POSITION,
  first: 0,
};

/**
 * Calls and puts on US stocks, listed on Cboe (by default the base set's SEC-0102..0107): each on
 * the first share class of its issuer (what the scale prices read an option's underlying as), the
 * underlyings taken in turn from a shuffled list.
 */
export function buildOptions(
  context: UniverseContext,
  equities: readonly SecurityModel[],
  plan: DerivativePlan = BASE_OPTION_PLAN,
): SecurityModel[] {
  const { random, identifiers, tickers } = context;
  const excluded = new Set<string>([
    SCENARIOS.stockSplit.securityId,
    ...SCENARIOS.priceShocks.map((shock) => shock.securityId),
  ]);
  const firstClasses = equities.filter(
    (equity, i) => equities.findIndex((other) => other.issuerId === equity.issuerId) === i,
  );
  const underlyings = random
    .shuffle(
      firstClasses.filter(
        (equity) => equity.currency === 'USD' && !excluded.has(equity.securityId),
      ),
    )
    .slice(0, plan.count);
  if (underlyings.length === 0 && plan.count > 0)
    throw new RangeError('no US share to write options on');
  return Array.from({ length: plan.count }, (_, i): SecurityModel => {
    const underlying = underlyings[i % underlyings.length];
    if (underlying.pricing.kind !== 'gbm')
      throw new Error(`${underlying.securityId} is not a share`);
    const optionKind = OPTION_KINDS[(plan.first + i) % OPTION_KINDS.length];
    // A series already listed (the same underlying, expiry and strike) is drawn again.
    let expiry: IsoDate;
    let strike: number;
    let attempts = 0;
    do {
      if (attempts++ === MAX_SERIES_DRAWS)
        throw new RangeError(
          `no new option series on ${underlying.securityId}: too many options for too few shares`,
        );
      expiry = random.pick(OPTION_EXPIRIES);
      strike = strikeNear(underlying.pricing.process.initialPrice * random.nextBetween(0.9, 1.1));
    } while (!tickers.claim(optionTicker(underlying.ticker, expiry, optionKind, strike)));
    return {
      securityId: securityId(plan.firstPosition + i),
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

/** Contract `n` of the table's rows taken in turn: each lap of the table lists the next quarter's contracts. */
function futureContract(n: number): FutureDefinition {
  const definition = FUTURES[n % FUTURES.length];
  const months = CONTRACT_MONTHS_APART * Math.floor(n / FUTURES.length);
  if (months === 0) return definition;
  return {
    ...definition,
    expiry: rollToBusinessDay(addMonths(definition.expiry, months)),
    listed: rollToBusinessDay(addMonths(definition.listed, months)),
  };
}

/**
 * Index, rates and gold futures on CME, an index future on Eurex (by default the base set's
 * SEC-0108..0112), issued by the exchanges' operators among the listed companies.
 */
export function buildFutures(
  context: UniverseContext,
  plan: DerivativePlan = BASE_FUTURE_PLAN,
): SecurityModel[] {
  const { random, identifiers, tickers } = context;
  return Array.from({ length: plan.count }, (_, i): SecurityModel => {
    const future = futureContract(plan.first + i);
    const ticker = futureTicker(future.root, future.expiry);
    if (!tickers.claim(ticker)) throw new RangeError(`future ${ticker} is listed twice`);
    const onEurex = future.exchange === 'EUREX';
    const initialPrice = roundTo(
      random.nextBetween(...future.initialPrice),
      DERIVATIVE_PRICE_DECIMALS,
    );
    return {
      securityId: securityId(plan.firstPosition + i),
      isin: identifiers.isin({ kind: 'national', country: onEurex ? 'DE' : 'US' }),
      cusip: null,
      sedol: null,
      ticker,
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
