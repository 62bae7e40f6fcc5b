import { EXCHANGES, rollToBusinessDay, securityId, TickerAllocator } from '@securities/market-sim';
import { ASSET_CLASSES } from '@securities/vocabulary';
import { FUND_SPONSOR_EQUITY, FUNDS } from './universe-plan';
import { IssuerModel, SecurityModel } from './universe-model';
import { issuerOfEquity, UniverseContext } from './universe-context';
import { logUniform, randomBusinessDay, roundTo } from '../draws';

const FIRST_FUND_POSITION = 118;
const ETF_PRICE_DECIMALS = 2;
/** Fund NAVs are published to four decimals. */
const NAV_DECIMALS = 4;
const FUND_DRIFT = 0.05;
const ETF_DAILY_SHARES: readonly [number, number] = [1e6, 1e7];
/** Mutual fund share classes have five-letter symbols ending in X. */
const MUTUAL_FUND_SUFFIX = 'X';
const LAUNCH_DATES: readonly [string, string] = ['2008-01-02', '2020-12-31'];

/** How many funds to draw and the first id; `first`: how many funds the data already has. */
export interface FundPlan {
  count: number;
  firstPosition: number;
  first: number;
}

const BASE_FUND_PLAN: FundPlan = {
  count: FUNDS.length,
  firstPosition: FIRST_FUND_POSITION,
  first: 0,
};

/**
 * The fund sponsors: the base set's asset manager first, then the other listed companies of its
 * industry (a grown universe has more).
 */
function fundSponsors(issuers: readonly IssuerModel[]): IssuerModel[] {
  const sponsor = issuers.find((issuer) => issuer.issuerId === issuerOfEquity(FUND_SPONSOR_EQUITY));
  if (!sponsor) throw new Error(`no fund sponsor ${FUND_SPONSOR_EQUITY} among the issuers`);
  return [
    sponsor,
    ...issuers.filter((issuer) => issuer !== sponsor && issuer.industry === sponsor.industry),
  ];
}

/**
 * ETFs and mutual funds, run by asset managers among the listed companies: by default the base
 * set's SEC-0118..0120 (two ETFs and a fund of one sponsor). Fund n takes the definitions in turn,
 * each sponsor one round of them; once every sponsor has had its round, names count on ("... 2").
 */
export function buildFunds(
  context: UniverseContext,
  issuers: readonly IssuerModel[],
  plan: FundPlan = BASE_FUND_PLAN,
): SecurityModel[] {
  const { random, identifiers, tickers } = context;
  if (plan.count === 0) return [];
  const sponsors = fundSponsors(issuers);
  return Array.from({ length: plan.count }, (_, i): SecurityModel => {
    const n = plan.first + i;
    const fund = FUNDS[n % FUNDS.length];
    const round = Math.floor(n / FUNDS.length);
    const sponsor = sponsors[round % sponsors.length];
    const series = Math.floor(round / sponsors.length);
    const name = `${sponsor.stem} ${fund.name}${series > 0 ? ` ${series + 1}` : ''}`;
    const isEtf = fund.type === 'ETF';
    const decimals = isEtf ? ETF_PRICE_DECIMALS : NAV_DECIMALS;
    const process = {
      initialPrice: roundTo(random.nextBetween(...fund.initialPrice), decimals),
      annualDrift: FUND_DRIFT,
      annualVolatility: fund.annualVolatility,
      marketLoading: fund.marketLoading,
      sectorLoading: fund.sectorLoading,
      sector: fund.riskSector,
    };
    // Each fund is its own trust, with its own CUSIP issuer number.
    const cusip = identifiers.cusip(identifiers.cusipIssuerNumber(), 'shares');
    return {
      securityId: securityId(plan.firstPosition + i),
      isin: identifiers.isin({ kind: 'cusip', country: 'US', cusip }),
      cusip,
      sedol: null,
      ticker: isEtf ? tickers.next(EXCHANGES.NYSE_ARCA, name) : mutualFundTicker(tickers, name),
      name,
      type: fund.type,
      assetClass: ASSET_CLASSES[fund.type],
      currency: 'USD',
      exchange: isEtf ? EXCHANGES.NYSE_ARCA.code : EXCHANGES.NASDAQ.code,
      issuerId: sponsor.issuerId,
      issueDate: rollToBusinessDay(randomBusinessDay(random, ...LAUNCH_DATES)),
      maturityDate: null,
      couponRate: null,
      status: 'ACTIVE',
      priceFactor: '1',
      priceDecimals: decimals,
      riskSector: fund.riskSector,
      pricing: isEtf
        ? {
            kind: 'gbm',
            process,
            averageVolume: logUniform(random, ...ETF_DAILY_SHARES),
            volumeStep: 100,
          }
        : { kind: 'nav', process },
    };
  });
}

/** A NASDAQ-style symbol plus the mutual-fund X, drawn again while that is in use. */
function mutualFundTicker(tickers: TickerAllocator, name: string): string {
  for (;;) {
    const ticker = `${tickers.next(EXCHANGES.NASDAQ, name)}${MUTUAL_FUND_SUFFIX}`;
    if (tickers.claim(ticker)) return ticker;
  }
}
