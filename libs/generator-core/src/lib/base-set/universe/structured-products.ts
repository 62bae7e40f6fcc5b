import {
  bondYield,
  issuerId,
  noteTicker,
  RATING_AGENCY_NAMES,
  rollToBusinessDay,
  STRUCTURED_FINANCE_INDUSTRY,
  securityId,
  STRUCTURED_FINANCE_SECTOR,
  yearsBetween,
} from '@securities/market-sim';
import { ASSET_CLASSES } from '@securities/vocabulary';
import { PERIOD_1 } from '../base-set-counts';
import { BOND_PRICE_DECIMALS } from './bonds';
import { actionsBeforePeriod1, BOND_ISSUER_RATINGS, STRUCTURED } from './universe-plan';
import { IssuerModel, RatedIssuer, SecurityModel } from './universe-model';
import { UniverseContext } from './universe-context';
import { logUniform } from '../draws';

const FIRST_VEHICLE_POSITION = 67;
const FIRST_NOTE_POSITION = 113;
const VINTAGES: readonly [number, number] = [2019, 2023];
/** Months whose semi-annual coupons fall outside January-March. */
const COUPON_MONTHS = [4, 5, 6, 10, 11, 12];
const COUPON_STEP = 0.00125;
const DAILY_NOMINAL: readonly [number, number] = [2e6, 2e7];
/** Tranche coupons are set near the yield of the day, so the notes trade close to par. */
const COUPON_DISPERSION = 0.002;

function vehicleName(
  stem: string,
  vehicle: 'clo' | 'auto' | 'card',
  vintage: number,
  series: number,
): string {
  switch (vehicle) {
    case 'clo':
      return `${stem} CLO ${vintage}-${series}, Ltd.`;
    case 'auto':
      return `${stem} Auto Receivables Trust ${vintage}-${'AB'[series - 1]}`;
    case 'card':
      return `${stem} Credit Card Master Trust`;
  }
}

/** Which notes to draw: how many (the definitions taken in turn) and the ids they start at. */
export interface StructuredPlan {
  count: number;
  firstIssuerPosition: number;
  firstSecurityPosition: number;
}

const BASE_STRUCTURED_PLAN: StructuredPlan = {
  count: STRUCTURED.length,
  firstIssuerPosition: FIRST_VEHICLE_POSITION,
  firstSecurityPosition: FIRST_NOTE_POSITION,
};

/**
 * CLO and ABS notes, each issued by its own US vehicle and rated like a bond (fixed-rate,
 * semi-annual, to keep them priced by the same maths): by default the base set's SEC-0113..0117 and
 * their issuers ISS-067..071; a grown universe takes the definitions in turn for as many as it needs.
 */
export function buildStructuredProducts(
  context: UniverseContext,
  plan: StructuredPlan = BASE_STRUCTURED_PLAN,
): {
  issuers: IssuerModel[];
  securities: SecurityModel[];
  ratedIssuers: RatedIssuer[];
} {
  const { random, identifiers, namer, tickers } = context;
  const industry = { name: STRUCTURED_FINANCE_INDUSTRY, nameWords: ['Funding'] };
  const issuers: IssuerModel[] = [];
  const securities: SecurityModel[] = [];
  const ratedIssuers: RatedIssuer[] = [];
  for (let i = 0; i < plan.count; i++) {
    const note = STRUCTURED[i % STRUCTURED.length];
    const vintage = random.nextInt(...VINTAGES);
    const series = random.nextInt(1, 2);
    const { stem } = namer.next('US', industry);
    const name = vehicleName(stem, note.vehicle, vintage, series);
    const cusipIssuerNumber = identifiers.cusipIssuerNumber();
    const issuer: IssuerModel = {
      issuerId: issuerId(plan.firstIssuerPosition + i),
      name,
      stem,
      country: 'US',
      sector: STRUCTURED_FINANCE_SECTOR,
      industry: STRUCTURED_FINANCE_INDUSTRY,
      lei: identifiers.lei('US'),
      shortCode: tickers.shortCode(name),
      cusipIssuerNumber,
    };
    issuers.push(issuer);
    ratedIssuers.push({
      issuerId: issuer.issuerId,
      agency: random.pick(RATING_AGENCY_NAMES),
      notchAtPeriod1: note.notch,
      actionsBeforePeriod1: actionsBeforePeriod1(BOND_ISSUER_RATINGS.length + i),
      inPeriodAction: null,
    });

    const month = random.pick(COUPON_MONTHS);
    const day = random.nextInt(1, 28);
    const maturityDate = `${random.nextInt(...note.legalFinalYears)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const issueDate = rollToBusinessDay(`${vintage}${maturityDate.slice(4)}`);
    const yieldNow = bondYield({
      currency: 'USD',
      yearsToMaturity: yearsBetween(PERIOD_1, maturityDate),
      ratingNotch: note.notch,
      extraSpread: note.extraSpread,
    });
    const couponRate =
      Math.round(
        (yieldNow + random.nextBetween(-COUPON_DISPERSION, COUPON_DISPERSION)) / COUPON_STEP,
      ) * COUPON_STEP;
    const cusip = identifiers.cusip(cusipIssuerNumber, 'debt');
    securities.push({
      securityId: securityId(plan.firstSecurityPosition + i),
      isin: identifiers.isin({ kind: 'cusip', country: 'US', cusip }),
      cusip,
      sedol: null,
      ticker: noteTicker(issuer.shortCode, vintage, series, note.tranche),
      name: `${name} Class ${note.tranche} Notes`,
      type: note.type,
      assetClass: ASSET_CLASSES[note.type],
      currency: 'USD',
      exchange: 'OTC',
      issuerId: issuer.issuerId,
      issueDate,
      maturityDate,
      couponRate,
      status: 'ACTIVE',
      priceFactor: '0.01',
      priceDecimals: BOND_PRICE_DECIMALS,
      riskSector: 'Structured Credit',
      pricing: {
        kind: 'bond',
        bond: { couponRate, couponsPerYear: 2, issueDate, maturityDate },
        ratedIssuerId: issuer.issuerId,
        extraSpread: note.extraSpread,
        averageVolume: logUniform(random, ...DAILY_NOMINAL),
      },
    });
  }
  return { issuers, securities, ratedIssuers };
}
