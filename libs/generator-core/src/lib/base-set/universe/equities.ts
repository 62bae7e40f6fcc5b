import {
  COUNTRIES,
  CURRENCIES,
  EquityProcess,
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

/** SEC-0001..0066 and their issuers ISS-001..066: one listed company per share line. */
export function buildEquities(context: UniverseContext): {
  issuers: IssuerModel[];
  securities: SecurityModel[];
} {
  const { random, identifiers, namer, tickers } = context;
  const issuers: IssuerModel[] = [];
  const securities: SecurityModel[] = [];
  let position = 0;
  for (const { country, count } of EQUITY_LISTINGS) {
    for (let k = 0; k < count; k++) {
      position++;
      const id = securityId(position);
      const profile = FIXED_EQUITY_PROFILES[id] ?? drawSector(context);
      const { name, stem } = namer.next(country, findIndustry(profile.sector, profile.industry));
      const exchange =
        EXCHANGES[country === 'US' ? usEquityExchange(k) : COUNTRIES[country].equityExchanges[0]];
      const ticker = tickers.next(exchange, name);
      const cusipIssuerNumber =
        country === 'US' || country === 'CA' ? identifiers.cusipIssuerNumber() : null;
      const issuer: IssuerModel = {
        issuerId: issuerId(position),
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

      let cusip: string | null = null;
      let sedol: string | null = null;
      let isin: string;
      if (cusipIssuerNumber && (country === 'US' || country === 'CA')) {
        cusip = identifiers.cusip(cusipIssuerNumber, 'shares');
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
      securities.push({
        securityId: id,
        isin,
        cusip,
        sedol,
        ticker,
        name,
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
        riskSector: profile.sector,
        pricing: {
          kind: 'gbm',
          process: equityProcess(context, profile.sector, price),
          averageVolume: logUniform(random, ...DAILY_TURNOVER_USD) / (price * currency.usdPerUnit),
          volumeStep,
        },
      });
    }
  }
  return { issuers, securities };
}
