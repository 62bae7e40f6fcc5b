import {
  COUNTRIES,
  CountryCode,
  CURRENCIES,
  EquityProcess,
  Exchange,
  EXCHANGES,
  findIndustry,
  issuerId,
  SECTORS,
  SectorName,
  securityId,
} from '@securities/market-sim';
import { ASSET_CLASSES } from '@securities/vocabulary';
import { SCENARIOS } from '../scenarios';
import {
  EQUITY_LISTINGS,
  FIXED_EQUITY_PROFILES,
  SECTOR_WEIGHTS,
  usEquityExchange,
} from './universe-plan';
import { IssuerModel, SecurityModel } from './universe-model';
import { UniverseContext } from './universe-context';
import { logUniform, randomBusinessDay, roundTo } from '../draws';

/** A split is done to bring a high share price back down, so the split stock starts high. */
const SPLIT_STOCK_PRICE: readonly [number, number] = [600, 1_100];
const ANNUAL_DRIFT: readonly [number, number] = [0.04, 0.11];
/** Daily traded value in USD, from a mid cap to a mega cap. */
const DAILY_TURNOVER_USD: readonly [number, number] = [5e6, 2e8];
/** Stocks are kept below this volatility so a normal quarter never rivals a scenario's shock. */
const MAX_EQUITY_VOLATILITY = 0.5;
const LISTING_DATES: readonly [string, string] = ['1985-01-02', '2019-12-31'];

function drawSector(context: UniverseContext): { sector: SectorName; industry: string } {
  const total = SECTOR_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = context.random.nextBetween(0, total);
  const [sector] = SECTOR_WEIGHTS.find(([, weight]) => (draw -= weight) < 0) ?? SECTOR_WEIGHTS[0];
  return { sector, industry: context.random.pick(SECTORS[sector].industries).name };
}

function equityProcess(context: UniverseContext, sector: SectorName, price: number): EquityProcess {
  const { random } = context;
  const profile = SECTORS[sector];
  return {
    initialPrice: price,
    annualDrift: random.nextBetween(...ANNUAL_DRIFT),
    annualVolatility: Math.min(
      MAX_EQUITY_VOLATILITY,
      profile.annualVolatility * random.nextBetween(0.8, 1.3),
    ),
    marketLoading: profile.marketLoading + random.nextBetween(-0.08, 0.08),
    sectorLoading: profile.sectorLoading + random.nextBetween(-0.08, 0.08),
    sector,
  };
}

/** Which share lines to draw: issuers per country, and the ids they start at. */
export interface EquityPlan {
  /** New issuers per country, in listing order; each gets one share line first. */
  issuersByCountry: readonly { country: CountryCode; count: number }[];
  /** Share lines in all: beyond one per issuer, further share classes of the same issuers in turn. */
  shareLines: number;
  firstSecurityPosition: number;
  firstIssuerPosition: number;
}

/** Share classes A..Z: an issuer has at most 26 share lines. */
export const SHARE_CLASS_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const BASE_EQUITY_PLAN: EquityPlan = {
  issuersByCountry: EQUITY_LISTINGS,
  shareLines: EQUITY_LISTINGS.reduce((sum, { count }) => sum + count, 0),
  firstSecurityPosition: 1,
  firstIssuerPosition: 1,
};

/** One listed share line of the issuer: its identifiers, price, volume and how it moves. */
function shareLine(
  context: UniverseContext,
  line: {
    id: string;
    issuer: IssuerModel;
    exchange: Exchange;
    ticker: string;
    name: string;
    /** 0 for the first (or only) class, 1 for class B, ... */
    shareClass: number;
  },
): SecurityModel {
  const { random, identifiers } = context;
  const { id, issuer, exchange, ticker } = line;
  const { country } = issuer;
  let cusip: string | null = null;
  let sedol: string | null = null;
  let isin: string;
  if (issuer.cusipIssuerNumber && (country === 'US' || country === 'CA')) {
    cusip = identifiers.cusip(issuer.cusipIssuerNumber, 'shares', line.shareClass);
    isin = identifiers.isin({ kind: 'cusip', country, cusip });
  } else {
    // SEDOLs cover shares traded outside North America; a UK ISIN is built on it.
    sedol = identifiers.sedol();
    isin = identifiers.isin(
      country === 'GB' ? { kind: 'sedol', sedol } : { kind: 'national', country, ticker },
    );
  }

  const currency = CURRENCIES[COUNTRIES[country].currency];
  const priceRange =
    id === SCENARIOS.stockSplit.securityId ? SPLIT_STOCK_PRICE : currency.typicalSharePrice;
  const price = roundTo(logUniform(random, ...priceRange), currency.priceDecimals);
  const volumeStep = currency.priceDecimals === 0 && price > 10_000 ? 1 : 100;
  return {
    securityId: id,
    isin,
    cusip,
    sedol,
    ticker,
    name: line.name,
    type: 'EQUITY',
    assetClass: ASSET_CLASSES.EQUITY,
    currency: currency.code,
    exchange: exchange.code,
    issuerId: issuer.issuerId,
    issueDate: randomBusinessDay(random, ...LISTING_DATES),
    maturityDate: null,
    couponRate: null,
    status: 'ACTIVE',
    priceFactor: '1',
    priceDecimals: currency.priceDecimals,
    riskSector: issuer.sector,
    pricing: {
      kind: 'gbm',
      process: equityProcess(context, issuer.sector, price),
      averageVolume: logUniform(random, ...DAILY_TURNOVER_USD) / (price * currency.usdPerUnit),
      volumeStep,
    },
  };
}

/**
 * Listed companies and their shares: by default the base set's SEC-0001..0066 and ISS-001..066, one
 * share line per issuer; a grown universe gives its own plan, where issuers may list several classes.
 */
export function buildEquities(
  context: UniverseContext,
  plan: EquityPlan = BASE_EQUITY_PLAN,
): {
  issuers: IssuerModel[];
  securities: SecurityModel[];
} {
  const { identifiers, namer, tickers } = context;
  const issuers: IssuerModel[] = [];
  const exchanges: Exchange[] = [];
  const securities: SecurityModel[] = [];
  const nextId = () => securityId(plan.firstSecurityPosition + securities.length);
  for (const { country, count } of plan.issuersByCountry) {
    for (let k = 0; k < count; k++) {
      const id = nextId();
      const profile = FIXED_EQUITY_PROFILES[id] ?? drawSector(context);
      const { name, stem } = namer.next(country, findIndustry(profile.sector, profile.industry));
      const exchange =
        EXCHANGES[country === 'US' ? usEquityExchange(k) : COUNTRIES[country].equityExchanges[0]];
      const ticker = tickers.next(exchange, name);
      const cusipIssuerNumber =
        country === 'US' || country === 'CA' ? identifiers.cusipIssuerNumber() : null;
      const issuer: IssuerModel = {
        issuerId: issuerId(plan.firstIssuerPosition + issuers.length),
        name,
        stem,
        country,
        sector: profile.sector,
        industry: profile.industry,
        lei: identifiers.lei(country),
        shortCode: tickers.shortCode(name),
        cusipIssuerNumber,
      };
      issuers.push(issuer);
      exchanges.push(exchange);
      securities.push(shareLine(context, { id, issuer, exchange, ticker, name, shareClass: 0 }));
    }
  }
  // Further classes trade where the first does: class B of every issuer in turn, then class C, ...
  while (securities.length < plan.shareLines) {
    const extra = securities.length - issuers.length;
    const index = extra % issuers.length;
    const shareClass = 1 + Math.floor(extra / issuers.length);
    if (shareClass >= SHARE_CLASS_LETTERS.length) {
      throw new RangeError(
        `${plan.shareLines} share lines need more than ${issuers.length} issuers (at most ${SHARE_CLASS_LETTERS.length} classes each)`,
      );
    }
    const issuer = issuers[index];
    const name = `${issuer.name} Class ${SHARE_CLASS_LETTERS[shareClass]}`;
    const ticker = tickers.next(exchanges[index], name);
    securities.push(
      shareLine(context, {
        id: nextId(),
        issuer,
        exchange: exchanges[index],
        ticker,
        name,
        shareClass,
      }),
    );
  }
  return { issuers, securities };
}
