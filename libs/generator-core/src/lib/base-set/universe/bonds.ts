import {
  addYears,
  bondName,
  bondTicker,
  COUNTRIES,
  couponsPerYearIn,
  couponText,
  CountryCode,
  creditSpread,
  CurrencyCode,
  isInvestmentGrade,
  IsoDate,
  RandomSource,
  RATING_AGENCY_NAMES,
  riskFreeYield,
  rollToBusinessDay,
  securityId,
} from '@securities/market-sim';
import { ASSET_CLASSES } from '@securities/vocabulary';
import { SCENARIOS } from '../scenarios';
import {
  BOND_COUNT,
  BOND_ISSUER_RATINGS,
  DOWNGRADED_ISSUER_SLOT,
  extraBondsOfIssuerSlot,
  FIXED_EQUITY_PROFILES,
  MATURING_BOND_ISSUER_SLOT,
  UPGRADED_ISSUER_SLOT,
  actionsBeforePeriod1,
} from './universe-plan';
import { IssuerModel, PlannedRatingAction, RatedIssuer, SecurityModel } from './universe-model';
import { issuerOfEquity, UniverseContext } from './universe-context';
import { logUniform, randomBusinessDay } from '../draws';

const FIRST_BOND_POSITION = 67;
/** Issuers from these markets borrow in dollars. */
const DOLLAR_BORROWERS: ReadonlySet<CountryCode> = new Set(['HK', 'SG', 'KR', 'BR', 'IN']);
/** Coupons are set in steps of 1/8 %. */
const COUPON_STEP = 0.00125;
/**
 * Yields when a bond was issued, as a multiple of today's: higher before the 2008 crisis, a
 * fraction of today's in the years of near-zero rates up to 2021.
 */
function rateEraFactor(issueYear: number): number {
  if (issueYear < 2009) return 1.3;
  return issueYear <= 2021 ? 0.45 : 1;
}
const LATEST_ISSUE = '2024-06-28';
const EARLIEST_ORDINARY_MATURITY = '2026-06-30';
const TENORS = [5, 7, 10, 10, 12, 15, 20, 30] as const;
export const BOND_PRICE_DECIMALS = 4;
/** Nominal traded in a day. */
const DAILY_NOMINAL: readonly [number, number] = [5e6, 4e7];
const IN_PERIOD_DOWNGRADE_WINDOW: readonly [IsoDate, IsoDate] = ['2025-02-03', '2025-03-07'];
const IN_PERIOD_UPGRADE_WINDOW: readonly [IsoDate, IsoDate] = ['2025-01-15', '2025-03-14'];
const MATURITY_WINDOW: readonly [IsoDate, IsoDate] = ['2025-01-15', '2025-03-20'];

type BondRole = 'maturing' | 'coupon-in-period' | 'downgraded' | 'ordinary';

/** The downgraded issuer's bonds run long enough for the wider spread to show in their price. */
const EARLIEST_DOWNGRADED_MATURITY = '2031-01-01';

/**
 * Months a bond may mature in. Coupons fall in the maturity month and every 12/n months from it,
 * so only the scenario's coupon bonds have a coupon date in January-March; the rest pay outside
 * the period, which keeps the corporate actions to the seed's 12.
 */
function maturityMonths(role: BondRole, couponsPerYear: 1 | 2): number[] {
  if (role === 'ordinary' || role === 'downgraded')
    return couponsPerYear === 1 ? [4, 5, 6, 7, 8, 9, 10, 11, 12] : [4, 5, 6, 10, 11, 12];
  return couponsPerYear === 1 ? [1, 2, 3] : [1, 2, 3, 7, 8, 9];
}

function drawDates(
  context: UniverseContext,
  role: BondRole,
  couponsPerYear: 1 | 2,
): { issueDate: IsoDate; maturityDate: IsoDate } {
  const { random } = context;
  if (role === 'maturing') {
    const maturityDate = randomBusinessDay(random, ...MATURITY_WINDOW);
    return {
      issueDate: rollToBusinessDay(addYears(maturityDate, -random.pick([5, 7, 10]))),
      maturityDate,
    };
  }
  for (;;) {
    const tenor = random.pick(TENORS);
    const month = random.pick(maturityMonths(role, couponsPerYear));
    // Coupon dates in the period stay clear of its first and last days, so ex-dates are inside too.
    const day = role === 'coupon-in-period' ? random.nextInt(10, 25) : random.nextInt(1, 28);
    const year = 2025 + random.nextInt(1, Math.min(tenor, 29));
    const maturityDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const issueDate = rollToBusinessDay(addYears(maturityDate, -tenor));
    const earliest =
      role === 'downgraded' ? EARLIEST_DOWNGRADED_MATURITY : EARLIEST_ORDINARY_MATURITY;
    if (issueDate <= LATEST_ISSUE && maturityDate >= earliest) return { issueDate, maturityDate };
  }
}

/** What the issuer paid when it borrowed: the yield of its rating then, in steps of 1/8 %. */
function couponAtIssue(
  context: UniverseContext,
  currency: CurrencyCode,
  issueDate: IsoDate,
  maturityDate: IsoDate,
  notch: number,
): number {
  const tenor = Number(maturityDate.slice(0, 4)) - Number(issueDate.slice(0, 4));
  const eraFactor = rateEraFactor(Number(issueDate.slice(0, 4)));
  const yieldThen =
    riskFreeYield(currency, tenor) * eraFactor +
    creditSpread(notch) +
    context.random.nextBetween(-0.003, 0.003);
  return Math.max(1, Math.round(yieldThen / COUPON_STEP)) * COUPON_STEP;
}

/** "ISS-012 4.125 2031": what tells an issuer's bonds apart, as their names do. */
export const bondIssueKey = (issuerId: string, couponRate: number, maturityDate: IsoDate) =>
  `${issuerId} ${couponText(couponRate)} ${maturityDate.slice(0, 4)}`;

/**
 * One bond of the issuer: dates for its role, the coupon its rating paid when it was issued, a
 * CUSIP (US and Canadian issuers) or a eurobond ISIN; `issues` holds the bondIssueKeys in use.
 */
function drawBond(
  context: UniverseContext,
  request: { id: string; issuer: IssuerModel; notch: number; role: BondRole; issues: Set<string> },
): SecurityModel {
  const { random, identifiers } = context;
  const { id, issuer, notch, role, issues } = request;
  const currency = DOLLAR_BORROWERS.has(issuer.country)
    ? 'USD'
    : COUNTRIES[issuer.country].currency;
  const couponsPerYear = couponsPerYearIn(currency);
  let terms: { issueDate: IsoDate; maturityDate: IsoDate; couponRate: number };
  do {
    const dates = drawDates(context, role, couponsPerYear);
    const couponRate = couponAtIssue(context, currency, dates.issueDate, dates.maturityDate, notch);
    terms = { ...dates, couponRate };
  } while (issues.has(bondIssueKey(issuer.issuerId, terms.couponRate, terms.maturityDate)));
  issues.add(bondIssueKey(issuer.issuerId, terms.couponRate, terms.maturityDate));
  const { issueDate, maturityDate, couponRate } = terms;
  const cusip = issuer.cusipIssuerNumber
    ? identifiers.cusip(issuer.cusipIssuerNumber, 'debt')
    : null;
  const isin =
    cusip && (issuer.country === 'US' || issuer.country === 'CA')
      ? identifiers.isin({ kind: 'cusip', country: issuer.country, cusip })
      : identifiers.isin({ kind: 'eurobond' });
  const seniority = isInvestmentGrade(notch) ? 'Senior Notes' : 'Senior Unsecured Notes';
  return {
    securityId: id,
    isin,
    cusip,
    sedol: null,
    ticker: bondTicker(issuer.shortCode, couponRate, maturityDate),
    name: bondName(issuer.name, couponRate, seniority, maturityDate),
    type: 'BOND',
    assetClass: ASSET_CLASSES.BOND,
    currency,
    exchange: 'OTC',
    issuerId: issuer.issuerId,
    issueDate,
    maturityDate,
    couponRate,
    status: role === 'maturing' ? 'MATURED' : 'ACTIVE',
    priceFactor: '0.01',
    priceDecimals: BOND_PRICE_DECIMALS,
    riskSector: issuer.sector,
    pricing: {
      kind: 'bond',
      bond: { couponRate, couponsPerYear, issueDate, maturityDate },
      ratedIssuerId: issuer.issuerId,
      extraSpread: random.nextBetween(-0.002, 0.004),
      averageVolume: logUniform(random, ...DAILY_NOMINAL),
    },
  };
}

const FIXED_ROLE_ISSUERS = new Set(Object.keys(FIXED_EQUITY_PROFILES).map(issuerOfEquity));

/** Issuers whose roles the base set fixes (fund sponsor, exchange operators, scenario names) issue no bonds. */
function mayIssueBonds(issuer: IssuerModel): boolean {
  return !FIXED_ROLE_ISSUERS.has(issuer.issuerId);
}

function pickBondIssuers(
  context: UniverseContext,
  equityIssuers: readonly IssuerModel[],
): IssuerModel[] {
  const eligible = context.random.shuffle(equityIssuers.filter(mayIssueBonds));
  const usFirst = eligible.filter((issuer) => issuer.country === 'US').slice(0, 2);
  const rest = eligible.filter((issuer) => !usFirst.includes(issuer));
  return [...usFirst, ...rest.slice(0, BOND_ISSUER_RATINGS.length - usFirst.length)];
}

/** A notch in the band BOND_ISSUER_RATINGS gives the issuer slot. */
const notchOfSlot = (random: RandomSource, slot: number) =>
  random.nextInt(...BOND_ISSUER_RATINGS[slot]);

/**
 * A bond issuer's rating as the base set plans it: an agency drawn, the notch on period 1, the
 * slot's number of actions before it, and the action in the period (drawn after the agency).
 */
function ratedBondIssuer(
  random: RandomSource,
  rating: { issuerId: string; slot: number; notch: number },
  inPeriodAction: () => PlannedRatingAction | null,
): RatedIssuer {
  return {
    issuerId: rating.issuerId,
    agency: random.pick(RATING_AGENCY_NAMES),
    notchAtPeriod1: rating.notch,
    actionsBeforePeriod1: actionsBeforePeriod1(rating.slot),
    inPeriodAction: inPeriodAction(),
  };
}

/**
 * A listed company that issues its first bond in a grown universe, rated as the base set's bond
 * issuers are: a slot of BOND_ISSUER_RATINGS drawn at random (so the bands weigh as the base set's
 * 23 do), a notch in its band, an agency, the slot's actions before period 1; none in the period.
 */
function rateNewBondIssuer(random: RandomSource, issuerId: string): RatedIssuer {
  const slot = random.nextInt(0, BOND_ISSUER_RATINGS.length - 1);
  return ratedBondIssuer(random, { issuerId, slot, notch: notchOfSlot(random, slot) }, () => null);
}

/** SEC-0067..0101: the bonds of 23 of the listed companies, and those issuers' ratings. */
export function buildBonds(
  context: UniverseContext,
  equityIssuers: readonly IssuerModel[],
): { securities: SecurityModel[]; ratedIssuers: RatedIssuer[] } {
  const { random } = context;
  const issuers = pickBondIssuers(context, equityIssuers);
  const notches = BOND_ISSUER_RATINGS.map((_, slot) => notchOfSlot(random, slot));
  const ratedIssuers: RatedIssuer[] = issuers.map((issuer, slot) =>
    ratedBondIssuer(random, { issuerId: issuer.issuerId, slot, notch: notches[slot] }, () =>
      slot === DOWNGRADED_ISSUER_SLOT
        ? {
            action: 'DOWNGRADE',
            notches: SCENARIOS.downgrade.notches,
            date: randomBusinessDay(random, ...IN_PERIOD_DOWNGRADE_WINDOW),
          }
        : slot === UPGRADED_ISSUER_SLOT
          ? {
              action: 'UPGRADE',
              notches: 1,
              date: randomBusinessDay(random, ...IN_PERIOD_UPGRADE_WINDOW),
            }
          : null,
    ),
  );

  // Scenario bonds first (maturing, then the downgraded issuer's two, then the coupon payers, from
  // investment-grade issuers), then everyone else's.
  const others = random.shuffle(
    issuers.flatMap((_, slot) => Array.from({ length: extraBondsOfIssuerSlot(slot) }, () => slot)),
  );
  const couponPayers = others
    .filter((slot) => isInvestmentGrade(notches[slot]))
    .slice(0, SCENARIOS.couponBonds.length);
  const rest = [...others];
  for (const slot of couponPayers) rest.splice(rest.indexOf(slot), 1);
  const slots = [
    MATURING_BOND_ISSUER_SLOT,
    DOWNGRADED_ISSUER_SLOT,
    DOWNGRADED_ISSUER_SLOT,
    ...couponPayers,
    ...rest,
  ];
  if (slots.length !== BOND_COUNT)
    throw new Error(`bond plan has ${slots.length} bonds, not ${BOND_COUNT}`);

  // An issuer's bonds are told apart by coupon and maturity year, as their names are.
  const issues = new Set<string>();
  const securities = slots.map((slot, i): SecurityModel => {
    const id = securityId(FIRST_BOND_POSITION + i);
    const role: BondRole =
      id === SCENARIOS.maturingBond.securityId
        ? 'maturing'
        : (SCENARIOS.couponBonds as readonly string[]).includes(id)
          ? 'coupon-in-period'
          : (SCENARIOS.downgrade.bondIds as readonly string[]).includes(id)
            ? 'downgraded'
            : 'ordinary';
    return drawBond(context, { id, issuer: issuers[slot], notch: notches[slot], role, issues });
  });
  return { securities, ratedIssuers };
}

/**
 * `count` more ordinary bonds (a grown universe's), issued in turn by the listed companies in a
 * shuffled order, each at the coupon its issuer's rating paid when it was issued: the rating it has
 * (`notchOf`), or for an issuer with none one drawn from `ratings` as the base set rates its bond
 * issuers, returned with the bonds (in the order of the issuers' first bonds).
 */
export function buildMoreBonds(
  context: UniverseContext,
  request: {
    count: number;
    firstPosition: number;
    equityIssuers: readonly IssuerModel[];
    /** The issuer's notch on period 1; undefined when it has no rating. */
    notchOf: (issuerId: string) => number | undefined;
    /** The stream new issuers' ratings are drawn from (not the universe's, so no other draw moves). */
    ratings: RandomSource;
    /** bondIssueKeys of the bonds already in the data. */
    issues: Set<string>;
  },
): { securities: SecurityModel[]; ratedIssuers: RatedIssuer[] } {
  if (request.count === 0) return { securities: [], ratedIssuers: [] };
  const issuers = context.random.shuffle(request.equityIssuers.filter(mayIssueBonds));
  if (issuers.length === 0) throw new RangeError('no listed company to issue the bonds');
  const ratedIssuers = issuers
    .slice(0, request.count)
    .filter((issuer) => request.notchOf(issuer.issuerId) === undefined)
    .map((issuer) => rateNewBondIssuer(request.ratings, issuer.issuerId));
  const newNotches = new Map(ratedIssuers.map((rated) => [rated.issuerId, rated.notchAtPeriod1]));
  const notchOf = (issuerId: string) => request.notchOf(issuerId) ?? newNotches.get(issuerId)!;
  const securities = Array.from({ length: request.count }, (_, i) => {
    const issuer = issuers[i % issuers.length];
    return drawBond(context, {
      id: securityId(request.firstPosition + i),
      issuer,
      notch: notchOf(issuer.issuerId),
      role: 'ordinary',
      issues: request.issues,
    });
  });
  return { securities, ratedIssuers };
}
