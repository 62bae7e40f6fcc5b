import { createHash } from 'node:crypto';
import { buildBaseSet, grownUniverseRows } from '@securities/generator-core';
import { COUNTRIES, CURRENCIES, CountryCode, CurrencyCode } from '@securities/market-sim';
import { resolveScaleProfile, universeGrowth } from '@securities/scale-generator';

/*
 * The tiny profile's grown universe, checked against hand-written oracles: check digits computed
 * here (and proved on published identifiers first), type counts worked out by hand, coupons within
 * the band their issuer's rating (every debt issuer is rated) and currency allow. The hashes pin
 * the rows, so any change is seen.
 */

const digitsOf = (text: string) =>
  [...text].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');

/** ISIN: Luhn over the letters as numbers (A = 10), the check digit last. */
function isinCheck(body: string): string {
  const digits = [...digitsOf(body)].map(Number).reverse();
  const sum = digits.reduce((all, digit, i) => {
    const value = i % 2 === 0 ? digit * 2 : digit;
    return all + Math.floor(value / 10) + (value % 10);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

/** CUSIP: every second character doubled, digits of each product summed. */
function cusipCheck(body: string): string {
  const sum = [...body].reduce((all, char, i) => {
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    const weighted = i % 2 === 1 ? value * 2 : value;
    return all + Math.floor(weighted / 10) + (weighted % 10);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

/** SEDOL: weights 1 3 1 7 3 9. */
function sedolCheck(body: string): string {
  const weights = [1, 3, 1, 7, 3, 9];
  const sum = [...body].reduce((all, char, i) => {
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    return all + value * weights[i];
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

/** LEI: ISO 7064 mod 97-10 over the letters as numbers leaves 1. */
const leiValid = (lei: string) => BigInt(digitsOf(lei)) % 97n === 1n;

const validIsin = (isin: string) => isinCheck(isin.slice(0, 11)) === isin[11];
const validCusip = (cusip: string) => cusipCheck(cusip.slice(0, 8)) === cusip[8];
const validSedol = (sedol: string) => sedolCheck(sedol.slice(0, 6)) === sedol[6];

/** Rating labels, both scales, notch 0 (AAA) down, with their spreads in basis points. */
const RATING_SCALE: readonly [string, string, number][] = [
  ['AAA', 'Aaa', 30],
  ['AA+', 'Aa1', 40],
  ['AA', 'Aa2', 48],
  ['AA-', 'Aa3', 55],
  ['A+', 'A1', 65],
  ['A', 'A2', 75],
  ['A-', 'A3', 90],
  ['BBB+', 'Baa1', 110],
  ['BBB', 'Baa2', 130],
  ['BBB-', 'Baa3', 160],
  ['BB+', 'Ba1', 210],
  ['BB', 'Ba2', 250],
  ['BB-', 'Ba3', 300],
  ['B+', 'B1', 360],
  ['B', 'B2', 430],
  ['B-', 'B3', 520],
];
const notchOfLabel = (label: string) =>
  RATING_SCALE.findIndex(([standard, moodys]) => label === standard || label === moodys);

/**
 * Each note's tranche rating (S&P and Fitch's scale), written out from the structured products'
 * definitions: the vehicle is rated at it on period 1.
 */
const TRANCHE_RATINGS: Record<string, string> = {
  'CLO A-1': 'AAA',
  'CLO B': 'AA',
  'CLO D': 'BBB-',
  'ABS A-3': 'AAA',
  'ABS B': 'A',
};
/** The same rating as Moody's writes it. */
const MOODYS: Record<string, string> = { AAA: 'Aaa', AA: 'Aa2', 'BBB-': 'Baa3', A: 'A2' };

type Row = Record<string, string | null>;

/** An issuer's ratings, oldest first. */
const historyOf = (ratings: readonly Row[], issuerId: string | null) =>
  ratings
    .filter((rating) => rating.issuer_id === issuerId)
    .sort((a, b) => String(a.rating_date).localeCompare(String(b.rating_date)));

/** The rating in force on 2024-12-31: that of the last action on or before it. */
const ratingOnPeriod1 = (history: readonly Row[]) =>
  history.filter((rating) => String(rating.rating_date) <= '2024-12-31').at(-1)?.rating;

/** Checks a history is one agency's, starting with its one INITIAL rating. */
function expectHistory(history: readonly Row[]): void {
  expect(history.length).toBeGreaterThan(0);
  expect(history[0].action).toBe('INITIAL');
  expect(history.slice(1).every((rating) => rating.action !== 'INITIAL')).toBe(true);
  expect(new Set(history.map((rating) => rating.agency)).size).toBe(1);
}

/**
 * Checks the grown debt's issuers are rated as the base set's are: the issuer of every grown bond,
 * CLO and ABS note has a history (the base set's, or a grown one) that starts with INITIAL; the
 * grown ratings are those of the notes' vehicles and of the bond issuers the base set did not rate,
 * no other issuer's, ids after the base set's 61 without a gap; each vehicle is rated at its
 * tranche's rating on 2024-12-31. Returns the tranches seen.
 */
function expectRatedDebtIssuers(
  baseRatings: readonly Row[],
  grown: { securities: Row[]; ratings: Row[] },
): Set<string> {
  const debt = grown.securities.filter((s) =>
    ['BOND', 'CLO', 'ABS'].includes(String(s.security_type)),
  );
  const notes = debt.filter((s) => s.security_type !== 'BOND');
  expect(grown.ratings.map((rating) => Number(rating.rating_id))).toEqual(
    Array.from({ length: grown.ratings.length }, (_, i) => 62 + i),
  );
  const ratedInBase = new Set(baseRatings.map((rating) => rating.issuer_id));
  expect(new Set(grown.ratings.map((rating) => rating.issuer_id))).toEqual(
    new Set(debt.map((s) => s.issuer_id).filter((issuer) => !ratedInBase.has(issuer))),
  );
  for (const security of debt)
    expectHistory(historyOf([...baseRatings, ...grown.ratings], security.issuer_id));
  const tranches = new Set<string>();
  for (const note of notes) {
    const tranche = `${note.security_type} ${/ Class (\S+) Notes$/.exec(String(note.security_name))?.[1]}`;
    tranches.add(tranche);
    const history = historyOf(grown.ratings, note.issuer_id);
    const expected = TRANCHE_RATINGS[tranche];
    expect({ tranche, rating: ratingOnPeriod1(history) }).toEqual({
      tranche,
      rating: history[0].agency === "Moody's" ? MOODYS[expected] : expected,
    });
  }
  return tranches;
}

/**
 * Checks each bond's coupon lies within the band of `notch` (its issuer's rating on period 1) and
 * its currency when it was issued: the risk-free yields of the currency's curve scaled by the rate
 * era, plus the rating's spread, +/- 0.3 % and half a coupon step.
 */
function expectCouponInBand(bond: Row, issuer: Row, notch: number): void {
  const dollarBorrower = ['HK', 'SG', 'KR', 'BR', 'IN'].includes(String(issuer.country));
  const currency = (
    dollarBorrower ? 'USD' : COUNTRIES[issuer.country as CountryCode].currency
  ) as CurrencyCode;
  expect(bond.currency).toBe(currency);
  const issueYear = Number(String(bond.issue_date).slice(0, 4));
  const era = issueYear < 2009 ? 1.3 : issueYear <= 2021 ? 0.45 : 1;
  const { short, long } = CURRENCIES[currency].riskFree;
  const spread = RATING_SCALE[notch][2] / 10_000;
  const coupon = Number(bond.coupon_rate) / 100;
  const step = 0.00125;
  expect(coupon).toBeGreaterThanOrEqual(Math.min(short, long) * era + spread - 0.003 - step / 2);
  expect(coupon).toBeLessThanOrEqual(
    Math.max(step, Math.max(short, long) * era + spread + 0.003 + step / 2),
  );
  expect(Math.abs(coupon / step - Math.round(coupon / step))).toBeLessThan(1e-9);
  expect(bond.security_name).toContain(
    notch <= 9 ? '% Senior Notes due' : '% Senior Unsecured Notes due',
  );
  expect(String(bond.issue_date) <= '2024-06-28').toBe(true);
  expect(String(bond.maturity_date) >= '2026-06-30').toBe(true);
}

describe('the tiny profile grown by the base set builders', () => {
  it('computes the published check digits (the oracle itself)', () => {
    expect(validIsin('US0378331005')).toBe(true);
    expect(validIsin('GB0002634946')).toBe(true);
    expect(validIsin('US0378331006')).toBe(false);
    expect(validCusip('037833100')).toBe(true);
    expect(validCusip('037833109')).toBe(false);
    expect(validSedol('0263494')).toBe(true);
    expect(validSedol('0263495')).toBe(false);
    expect(leiValid('HWUPKR0MPOU8FGXBT394')).toBe(true);
    expect(leiValid('HWUPKR0MPOU8FGXBT395')).toBe(false);
  });

  it("the Moody's labels of the tranche ratings agree with the scale above (the oracle itself)", () => {
    for (const [standard, moodys] of Object.entries(MOODYS))
      expect(notchOfLabel(moodys)).toBe(notchOfLabel(standard));
  });

  const base = buildBaseSet(7);
  const existing = {
    issuers: base.issuer,
    securities: base.securities_master,
    ratings: base.credit_ratings,
  };

  it("starts from the base set's 61 ratings, ids 1..61", () => {
    expect(base.credit_ratings.map((rating) => Number(rating.rating_id))).toEqual(
      Array.from({ length: 61 }, (_, i) => i + 1),
    );
  });

  /** The issuer's rating notch in force on 2024-12-31, from the base set's and the grown ratings. */
  const notchOnPeriod1 = (grownRatings: readonly Row[], issuerId: string | null) => {
    const label = ratingOnPeriod1(historyOf([...base.credit_ratings, ...grownRatings], issuerId));
    expect({ issuerId, rated: label !== undefined }).toEqual({ issuerId, rated: true });
    return notchOfLabel(String(label));
  };

  /** Every grown bond's coupon against the band of its issuer's rating; returns those ratings. */
  const expectBondCoupons = (grown: { issuers: Row[]; securities: Row[]; ratings: Row[] }) => {
    const allIssuers = [...base.issuer, ...grown.issuers];
    return grown.securities
      .filter((s) => s.security_type === 'BOND')
      .map((bond) => {
        const issuer = allIssuers.find((i) => i.issuer_id === bond.issuer_id)!;
        const notch = notchOnPeriod1(grown.ratings, bond.issuer_id);
        expectCouponInBand(bond, issuer, notch);
        return notch;
      });
  };

  describe.each([
    [7, '8fbc536132eb7aca556f5dc50c04c34a0087573604332be689a8a27924709b42'],
    [42, '97147c54d119c997ce6a090af3b7c360c2a27d2666c27aca339519252edc2b7b'],
  ])('seed %i', (seed, pinnedHash) => {
    const profile = resolveScaleProfile('tiny', { seed });
    // What `generator scale --profile tiny` grows the loaded base set (seed 7) by.
    const grown = grownUniverseRows(existing, universeGrowth(existing, profile));
    const securities = grown.securities;
    const issuers = grown.issuers;
    const all = [...base.securities_master, ...securities];
    const allIssuers = [...base.issuer, ...issuers];

    it('adds ids SEC-0121..0130 and ISS-072..075: the tiny universe of 130 and 75 issuers', () => {
      expect(securities.map((s) => s.security_id)).toEqual(
        Array.from({ length: 10 }, (_, i) => `SEC-${String(121 + i).padStart(4, '0')}`),
      );
      expect(issuers.map((i) => i.issuer_id)).toEqual(['ISS-072', 'ISS-073', 'ISS-074', 'ISS-075']);
    });

    it('meets the seed mix: 130 x (550, 290, 90, 45, 25) / 1000 by largest remainder', () => {
      // 71.5, 37.7, 11.7, 5.85, 3.25 -> floors 71, 37, 11, 5, 3 (127); the 3 largest fractions
      // (.85, .7, .7) round up: 71 equities, 38 bonds, 12 derivatives, 6 notes, 3 funds.
      const bucket = (type: string | null) =>
        ({ OPTION: 'derivative', FUTURE: 'derivative', CLO: 'structured', ABS: 'structured' })[
          String(type)
        ] ?? String(type);
      const counts: Record<string, number> = {};
      for (const security of all) {
        const key = bucket(security.security_type);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      expect(counts).toEqual({
        EQUITY: 71,
        BOND: 38,
        derivative: 12,
        structured: 6,
        ETF: 2,
        FUND: 1,
      });
    });

    it('repeats no id, ticker, ISIN, CUSIP, SEDOL or LEI of the base set or its own', () => {
      for (const column of ['security_id', 'ticker', 'isin', 'cusip', 'sedol']) {
        const values = all.map((s) => s[column]).filter((value) => value !== null);
        expect(new Set(values).size).toBe(values.length);
      }
      for (const column of ['issuer_id', 'lei', 'issuer_name']) {
        const values = allIssuers.map((i) => i[column]);
        expect(new Set(values).size).toBe(values.length);
      }
    });

    it('gives every identifier valid check digits, ISINs built on the CUSIP or SEDOL', () => {
      for (const security of securities) {
        const { isin, cusip, sedol } = security;
        expect(validIsin(String(isin))).toBe(true);
        if (cusip) {
          expect(validCusip(cusip)).toBe(true);
          expect(String(isin).slice(2, 11)).toBe(cusip);
        }
        if (sedol) expect(validSedol(sedol)).toBe(true);
        if (String(isin).startsWith('GB')) expect(isin).toBe(`GB00${sedol}${String(isin)[11]}`);
      }
      for (const issuer of issuers) expect(leiValid(String(issuer.lei))).toBe(true);
    });

    const issuerOf = (issuerId: string | null) => allIssuers.find((i) => i.issuer_id === issuerId)!;

    it('lists each new share on its country exchange: CUSIP in North America, else a SEDOL', () => {
      const equities = securities.filter((s) => s.security_type === 'EQUITY');
      expect(equities).toHaveLength(5);
      for (const equity of equities) {
        const issuer = issuerOf(equity.issuer_id);
        expect(issuers).toContain(issuer);
        const country = issuer.country as CountryCode;
        const northAmerican = country === 'US' || country === 'CA';
        expect(equity.currency).toBe(COUNTRIES[country].currency);
        if (country === 'US') expect(['NYSE', 'NASDAQ']).toContain(equity.exchange);
        expect(equity.cusip !== null).toBe(northAmerican);
        expect(equity.sedol !== null).toBe(!northAmerican);
        expect(equity.security_name?.startsWith(String(issuer.issuer_name))).toBe(true);
      }
    });

    it("sets each bond's coupon within the band of its issuer's rating when it was issued", () => {
      expect(expectBondCoupons(grown)).toHaveLength(3);
    });

    it('issues each note from a new US vehicle, options on a new US share', () => {
      for (const note of securities.filter((s) =>
        ['CLO', 'ABS'].includes(String(s.security_type)),
      )) {
        const vehicle = issuerOf(note.issuer_id);
        expect(issuers).toContain(vehicle);
        expect(vehicle).toMatchObject({ country: 'US', sector: 'Financials' });
        expect(note.security_name?.startsWith(`${vehicle.issuer_name} Class `)).toBe(true);
        expect(note.security_name?.endsWith(' Notes')).toBe(true);
        expect(note.currency).toBe('USD');
      }
      for (const option of securities.filter((s) => s.security_type === 'OPTION')) {
        const underlying = securities.find(
          (s) => s.security_type === 'EQUITY' && s.issuer_id === option.issuer_id,
        )!;
        expect(underlying.currency).toBe('USD');
        expect(option.ticker?.startsWith(`${underlying.ticker} `)).toBe(true);
        expect(option.security_name).toMatch(/ \d+ (Call|Put)$/);
      }
    });

    it("rates the new note's vehicle at its tranche's rating, and each unrated bond issuer, ids after the base set's", () => {
      expect(expectRatedDebtIssuers(base.credit_ratings, grown)).toEqual(new Set(['CLO A-1']));
    });

    it('pins the rows (sha256 of issuer and securities_master rows)', () => {
      const hash = createHash('sha256')
        .update(JSON.stringify({ issuers, securities }))
        .digest('hex');
      expect(hash).toBe(pinnedHash);
    });
  });

  describe('the small profile', () => {
    const profile = resolveScaleProfile('small', { seed: 7 });
    const grown = grownUniverseRows(existing, universeGrowth(existing, profile));

    it('rates its 40 new vehicles, every tranche among them, and every unrated bond issuer, as the base set does', () => {
      // 1,000 x 45 / 1,000 = 45 notes, 5 of them the base set's.
      expect(
        grown.securities.filter((s) => ['CLO', 'ABS'].includes(String(s.security_type))),
      ).toHaveLength(40);
      expect(expectRatedDebtIssuers(base.credit_ratings, grown)).toEqual(
        new Set(Object.keys(TRANCHE_RATINGS)),
      );
    });

    it("spreads its 255 new bonds' issuers the base set left unrated over at least 4 ratings, each coupon in its issuer's band", () => {
      // 1,000 x 290 / 1,000 = 290 bonds, 35 of them the base set's.
      const notches = expectBondCoupons(grown);
      expect(notches).toHaveLength(255);
      const ratedInBase = new Set(base.credit_ratings.map((rating) => rating.issuer_id));
      const newlyRated = grown.securities
        .filter((s) => s.security_type === 'BOND' && !ratedInBase.has(s.issuer_id))
        .map((bond) => notchOnPeriod1(grown.ratings, bond.issuer_id));
      expect(newlyRated.length).toBeGreaterThan(0);
      expect(new Set(newlyRated).size).toBeGreaterThanOrEqual(4);
    });
  });
});
