import {
  apportion,
  CountryCode,
  createRandomSource,
  IsoDate,
  ratingNotch,
  ratingNotchOn,
  SectorName,
} from '@securities/market-sim';
import { UniverseGrowth } from '@securities/vocabulary';
import { PERIOD_1 } from '../base-set-counts';
import { CsvRow } from '../base-set-tables';
import { RatingEvent, buildRatingHistory } from '../market/credit-history';
import { creditRatingRows, issuerRows, securityRows } from '../tables/reference-tables';
import { bondIssueKey, buildMoreBonds } from './bonds';
import { buildFutures, buildOptions } from './derivatives';
import { buildEquities, SHARE_CLASS_LETTERS } from './equities';
import { buildFunds } from './funds';
import { buildStructuredProducts } from './structured-products';
import { createUniverseContext, TakenInUniverse } from './universe-context';
import { IssuerModel, SecurityModel } from './universe-model';
import { EQUITY_LISTINGS, FUTURES, OPTION_KINDS } from './universe-plan';

/** An issuer row as the database holds it. */
export interface IssuerRecord {
  issuer_id: string;
  issuer_name: string;
  country: string;
  sector: string;
  industry: string;
  lei: string;
}

/** The securities_master columns a universe grows from. */
export interface SecurityRecord {
  security_id: string;
  security_type: string;
  isin: string;
  cusip: string | null;
  sedol: string | null;
  ticker: string;
  issuer_id: string;
  maturity_date: string | null;
  /** Percent of par, as text ("4.6250"). */
  coupon_rate: string | null;
}

export interface RatingRecord {
  rating_id: string;
  issuer_id: string;
  rating: string;
  rating_date: string;
}

/** The universe already in the database (the base set, loaded): what the growth adds to. */
export interface ExistingUniverse {
  issuers: readonly IssuerRecord[];
  securities: readonly SecurityRecord[];
  ratings: readonly RatingRecord[];
}

const idNumber = (id: string) => Number(id.slice(4));
const DEBT_TYPES = new Set(['BOND', 'CLO', 'ABS']);
/** The company name's distinctive word, as the namer draws it ("Northgate" of "Northgate Holdings, Inc."). */
const nameStem = (name: string) => name.split(/[ ,]/)[0];

function takenInUniverse(existing: ExistingUniverse): TakenInUniverse {
  const present = <T>(values: (T | null)[]) => values.filter((value): value is T => value !== null);
  const cusips = present(existing.securities.map((security) => security.cusip));
  return {
    identifiers: {
      cusipIssuerNumbers: cusips.map((cusip) => cusip.slice(0, 6)),
      cusips,
      sedols: present(existing.securities.map((security) => security.sedol)),
      isins: existing.securities.map((security) => security.isin),
      leis: existing.issuers.map((issuer) => issuer.lei),
    },
    tickers: {
      tickers: existing.securities.map((security) => security.ticker),
      // Bond and note tickers start with their issuer's code.
      shortCodes: existing.securities
        .filter((security) => DEBT_TYPES.has(security.security_type))
        .map((security) => security.ticker.split(' ')[0]),
    },
    nameStems: existing.issuers.map((issuer) => nameStem(issuer.issuer_name)),
  };
}

/**
 * The existing issuers as the builders see them: the code their bond tickers start with, and the
 * CUSIP number of their shares or debt (US and Canadian issuers).
 */
function existingIssuerModels(
  existing: ExistingUniverse,
  shortCode: (name: string) => string,
): IssuerModel[] {
  return existing.issuers.map((issuer) => {
    const own = existing.securities.filter(
      (security) =>
        security.issuer_id === issuer.issuer_id &&
        security.security_type !== 'ETF' &&
        security.security_type !== 'FUND',
    );
    const debt = own.find((security) => DEBT_TYPES.has(security.security_type));
    const cusip = own.find((security) => security.cusip)?.cusip ?? null;
    const northAmerican = issuer.country === 'US' || issuer.country === 'CA';
    return {
      issuerId: issuer.issuer_id,
      name: issuer.issuer_name,
      stem: nameStem(issuer.issuer_name),
      country: issuer.country as CountryCode,
      sector: issuer.sector as SectorName,
      industry: issuer.industry,
      lei: issuer.lei,
      shortCode: debt ? debt.ticker.split(' ')[0] : shortCode(issuer.issuer_name),
      cusipIssuerNumber: northAmerican && cusip ? cusip.slice(0, 6) : null,
    };
  });
}

/**
 * Each rated issuer's notch on the base set's first period date (ratingNotchOn's rule); undefined
 * for an issuer with no rating.
 */
function notchesOnPeriod1(
  ratings: readonly RatingRecord[],
): (issuerId: string) => number | undefined {
  const byIssuer = new Map<string, { date: IsoDate; notch: number }[]>();
  for (const rating of [...ratings].sort((a, b) => a.rating_date.localeCompare(b.rating_date))) {
    byIssuer.set(rating.issuer_id, [
      ...(byIssuer.get(rating.issuer_id) ?? []),
      { date: rating.rating_date, notch: ratingNotch(rating.rating) },
    ]);
  }
  return (issuer) => {
    const history = byIssuer.get(issuer);
    return history ? ratingNotchOn(history, PERIOD_1) : undefined;
  };
}

/**
 * Grows a universe by the base set's own builders: new listed companies over the base set's
 * countries (several share classes each when the issuers are fewer than the share lines), bonds
 * of the listed companies at the coupon of their rating, options on the new US shares, futures
 * rolling the base set's contracts on by a quarter, CLO and ABS notes of new vehicles, and funds
 * of the asset managers. Ids continue after the highest in use; no identifier, ticker or company
 * name repeats one already there. The new vehicles are rated as the base set's are (each at its
 * note's tranche rating on period 1), and so is every company issuing a bond without a rating yet
 * (a notch drawn from '<prefix>/bond-ratings' as the base set's bond issuers' bands weigh, which
 * sets its bonds' coupons); their histories are drawn from '<prefix>/ratings', so that no other
 * draw moves. Pure in (existing, growth).
 */
export function buildGrownUniverse(
  existing: ExistingUniverse,
  growth: UniverseGrowth,
): { issuers: IssuerModel[]; securities: SecurityModel[]; ratings: RatingEvent[] } {
  const context = createUniverseContext(growth.seed, {
    streamPrefix: growth.streamPrefix,
    taken: takenInUniverse(existing),
  });
  const before = existingIssuerModels(existing, (name) => context.tickers.shortCode(name));
  const count = (...types: string[]) =>
    existing.securities.filter((security) => types.includes(security.security_type)).length;
  let nextSecurity = Math.max(0, ...existing.securities.map((s) => idNumber(s.security_id))) + 1;
  const positions = (n: number) => {
    const first = nextSecurity;
    nextSecurity += n;
    return first;
  };
  const firstIssuer = Math.max(0, ...existing.issuers.map((i) => idNumber(i.issuer_id))) + 1;

  // Every note has its own vehicle; the other new issuers list shares: at least one each, at most
  // as many classes each as there are letters.
  const equityIssuers = Math.min(
    growth.equities,
    Math.max(
      1,
      growth.issuers - growth.structured,
      Math.ceil(growth.equities / SHARE_CLASS_LETTERS.length),
    ),
  );
  const byCountry = apportion(
    equityIssuers,
    EQUITY_LISTINGS.map((listing) => listing.count),
  );
  const equities = buildEquities(context, {
    issuersByCountry: EQUITY_LISTINGS.map(({ country }, i) => ({ country, count: byCountry[i] })),
    shareLines: growth.equities,
    firstSecurityPosition: positions(growth.equities),
    firstIssuerPosition: firstIssuer,
  });
  const listed = [
    ...before.filter((issuer) =>
      existing.securities.some(
        (security) => security.issuer_id === issuer.issuerId && security.security_type === 'EQUITY',
      ),
    ),
    ...equities.issuers,
  ];
  const issues = new Set(
    existing.securities
      .filter((security) => security.security_type === 'BOND')
      .map((bond) =>
        bondIssueKey(bond.issuer_id, Number(bond.coupon_rate) / 100, bond.maturity_date ?? ''),
      ),
  );
  const bonds = buildMoreBonds(context, {
    count: growth.bonds,
    firstPosition: positions(growth.bonds),
    equityIssuers: listed,
    notchOf: notchesOnPeriod1(existing.ratings),
    ratings: createRandomSource(growth.seed, `${growth.streamPrefix}/bond-ratings`),
    issues,
  });
  // Options need a new US share to be written on; without one, the derivatives are all futures.
  const hasUsShare = equities.securities.some((equity) => equity.currency === 'USD');
  const [optionCount, futureCount] = hasUsShare
    ? apportion(growth.derivatives, [OPTION_KINDS.length, FUTURES.length])
    : [0, growth.derivatives];
  const options = buildOptions(context, equities.securities, {
    count: optionCount,
    firstPosition: positions(optionCount),
    first: count('OPTION'),
  });
  const futures = buildFutures(context, {
    count: futureCount,
    firstPosition: positions(futureCount),
    first: count('FUTURE'),
  });
  const structured = buildStructuredProducts(context, {
    count: growth.structured,
    firstIssuerPosition: firstIssuer + equities.issuers.length,
    firstSecurityPosition: positions(growth.structured),
  });
  const funds = buildFunds(context, [...before, ...equities.issuers], {
    count: growth.funds,
    firstPosition: positions(growth.funds),
    first: count('ETF', 'FUND'),
  });
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
    // The vehicles' histories first, so they are drawn as before the bond issuers were rated.
    ratings: buildRatingHistory(
      growth.seed,
      [...structured.ratedIssuers, ...bonds.ratedIssuers],
      `${growth.streamPrefix}/ratings`,
    ),
  };
}

/**
 * buildGrownUniverse on rows as the database (or the base set's CSV) holds them, returning rows:
 * the rating ids continue after the highest in use.
 */
export function grownUniverseRows(
  existing: {
    issuers: readonly CsvRow[];
    securities: readonly CsvRow[];
    ratings: readonly CsvRow[];
  },
  growth: UniverseGrowth,
): { issuers: CsvRow[]; securities: CsvRow[]; ratings: CsvRow[] } {
  const grown = buildGrownUniverse(existing as unknown as ExistingUniverse, growth);
  const lastRating = Math.max(0, ...existing.ratings.map((rating) => Number(rating.rating_id)));
  return {
    issuers: issuerRows(grown.issuers),
    securities: securityRows(grown.securities),
    ratings: creditRatingRows(grown.ratings, lastRating + 1),
  };
}
