import { EXCHANGES, rollToBusinessDay, securityId } from '@securities/market-sim';
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

/** SEC-0118..0120: two ETFs and a mutual fund, run by the asset manager among the listed companies. */
export function buildFunds(
  context: UniverseContext,
  equityIssuers: readonly IssuerModel[],
): SecurityModel[] {
  const { random, identifiers, tickers } = context;
  const sponsor = equityIssuers.find(
    (issuer) => issuer.issuerId === issuerOfEquity(FUND_SPONSOR_EQUITY),
  );
  if (!sponsor) throw new Error(`no fund sponsor ${FUND_SPONSOR_EQUITY} among the issuers`);
  return FUNDS.map((fund, i): SecurityModel => {
    const name = `${sponsor.stem} ${fund.name}`;
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
      securityId: securityId(FIRST_FUND_POSITION + i),
      isin: identifiers.isin({ kind: 'cusip', country: 'US', cusip }),
      cusip,
      sedol: null,
      ticker: isEtf
        ? tickers.next(EXCHANGES.NYSE_ARCA, name)
        : `${tickers.next(EXCHANGES.NASDAQ, name)}${MUTUAL_FUND_SUFFIX}`,
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
