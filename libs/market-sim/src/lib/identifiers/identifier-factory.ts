import { RandomSource } from '../random/random-source';
import { COUNTRIES, CountryCode } from '../reference-data/countries';
import { buildCusip } from './cusip';
import { buildIsin } from './isin';
import { buildLei } from './lei';
import { buildSedol } from './sedol';

const DIGITS = '0123456789';
/** I and O are not used in CUSIPs and LEIs here, so they are never misread as 1 and 0. */
const CLEAR_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SEDOL_CHARS = '0123456789BCDFGHJKLMNPQRSTVWXYZ';
/** SEDOLs allocated since 2004 start with B. */
const NEW_SEDOL_PREFIX = 'B';
/** Chars 5-6 of an LEI, reserved and "00" for the ones issued under the original allocation. */
const LEI_RESERVED = '00';
/** CUSIP issue number of common stock (and of a fund's shares); further share classes count on from it. */
const SHARES_ISSUE_NUMBER = 10;
/** The last issue number of equity: 10..88 leave room for 79 share classes of one issuer. */
const LAST_SHARES_ISSUE_NUMBER = 88;
/** Newer eurobond common codes start with 2, hence ISINs 'XS2...'. */
const EUROBOND_PREFIX = 'XS';
const MAX_DRAWS = 1_000;

/** How a security's ISIN is formed, by the conventions of where it is issued. */
export type IsinBasis =
  /** US and Canada: the CUSIP is the national number. */
  | { kind: 'cusip'; country: 'US' | 'CA'; cusip: string }
  /** United Kingdom: 'GB00' + SEDOL. */
  | { kind: 'sedol'; sedol: string }
  /** Other countries, by their numbering agency's format (some embed the ticker). */
  | { kind: 'national'; country: CountryCode; ticker?: string }
  /** Eurobonds, numbered by Euroclear/Clearstream. */
  | { kind: 'eurobond' };

/** Makes identifiers with valid check digits, each unique within the factory. */
export interface IdentifierFactory {
  /** A new 6-character CUSIP issuer number. */
  cusipIssuerNumber(): string;
  /**
   * The CUSIP of an issuer's shares ('10' for the first share class, '11' for the second, ...), or
   * of its next debt issue not yet taken ('AA', 'AB', ...).
   */
  cusip(issuerNumber: string, issue: 'shares' | 'debt', shareClass?: number): string;
  /** A new-style SEDOL ('B' + 5 consonants or digits + check digit). */
  sedol(): string;
  isin(basis: IsinBasis): string;
  /** An LEI from one of the country's Local Operating Units. */
  lei(country: CountryCode): string;
}

function randomChars(random: RandomSource, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[random.nextInt(0, alphabet.length - 1)];
  return text;
}

function nationalNumber(random: RandomSource, country: CountryCode, ticker?: string): string {
  const digits = (length: number) => randomChars(random, DIGITS, length);
  switch (country) {
    case 'DE':
      return `000${digits(6)}`; // '000' + WKN
    case 'FR':
    case 'HK':
      return `0000${digits(5)}`;
    case 'JP':
      return `3${digits(4)}0000`;
    case 'CH':
    case 'SE':
    case 'NO':
      return `00${digits(7)}`; // '00' + valor / national number
    case 'AU':
      return `000000${tickerPart(ticker, /^[A-Z]{3}$/, country)}`; // ASX code
    case 'KR':
      return `7${tickerPart(ticker, /^\d{6}$/, country)}00`; // KRX code
    case 'BR':
      return `${tickerPart(ticker, /^[A-Z]{4}/, country).slice(0, 4)}ACNOR`; // ordinary shares
    case 'IN':
      return `E${digits(3)}${randomChars(random, CLEAR_LETTERS, 1)}0101`;
    case 'SG':
      return `1${randomChars(random, CLEAR_LETTERS, 1)}${digits(7)}`;
    default:
      return `${randomChars(random, DIGITS, 1)}${randomChars(random, DIGITS + CLEAR_LETTERS, 8)}`;
  }
}

function tickerPart(ticker: string | undefined, format: RegExp, country: CountryCode): string {
  if (!ticker || !format.test(ticker)) {
    throw new RangeError(`an ISIN in ${country} embeds the ticker, which must match ${format}`);
  }
  return ticker;
}

/** Identifiers already in use (in the database a universe grows from): the factory never makes them. */
export interface TakenIdentifiers {
  cusipIssuerNumbers?: Iterable<string>;
  cusips?: Iterable<string>;
  sedols?: Iterable<string>;
  isins?: Iterable<string>;
  leis?: Iterable<string>;
}

export function createIdentifierFactory(
  random: RandomSource,
  taken: TakenIdentifiers = {},
): IdentifierFactory {
  const used = new Set<string>();
  const reserve = (kind: string, values: Iterable<string> = []) => {
    for (const value of values) used.add(`${kind}:${value}`);
  };
  reserve('cusip-issuer', taken.cusipIssuerNumbers);
  reserve('cusip', taken.cusips);
  reserve('sedol', taken.sedols);
  reserve('isin', taken.isins);
  reserve('lei', taken.leis);
  const debtIssuesByIssuer = new Map<string, number>();

  /**
   * Draws until the value is new: random collisions are rare, and redrawing keeps the run
   * deterministic. A value derived without randomness (an ISIN from a CUSIP) that repeats is a
   * caller's mistake, which the attempt limit turns into an error.
   */
  function unique(kind: string, draw: () => string): string {
    for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
      const value = draw();
      if (!used.has(`${kind}:${value}`)) {
        used.add(`${kind}:${value}`);
        return value;
      }
    }
    throw new RangeError(`no unique ${kind} after ${MAX_DRAWS} draws (last: a repeat)`);
  }

  return {
    cusipIssuerNumber: () =>
      unique(
        'cusip-issuer',
        () => `${randomChars(random, DIGITS, 5)}${randomChars(random, DIGITS + CLEAR_LETTERS, 1)}`,
      ),

    cusip(issuerNumber, issue, shareClass = 0) {
      if (issue === 'shares') {
        const issueNumber = SHARES_ISSUE_NUMBER + shareClass;
        if (
          !Number.isInteger(shareClass) ||
          shareClass < 0 ||
          issueNumber > LAST_SHARES_ISSUE_NUMBER
        ) {
          throw new RangeError(
            `a share class is 0..${LAST_SHARES_ISSUE_NUMBER - SHARES_ISSUE_NUMBER} (CUSIP issue numbers ${SHARES_ISSUE_NUMBER}-${LAST_SHARES_ISSUE_NUMBER}), got ${shareClass}`,
          );
        }
        return unique('cusip', () => buildCusip(issuerNumber, String(issueNumber)));
      }
      // Debt issue numbers already taken (an issuer's bonds in the data grown from) are skipped.
      for (;;) {
        const count = debtIssuesByIssuer.get(issuerNumber) ?? 0;
        if (count >= CLEAR_LETTERS.length ** 2) {
          throw new RangeError(`issuer ${issuerNumber} has no debt issue number left`);
        }
        debtIssuesByIssuer.set(issuerNumber, count + 1);
        const issueNumber = `${CLEAR_LETTERS[Math.floor(count / CLEAR_LETTERS.length)]}${CLEAR_LETTERS[count % CLEAR_LETTERS.length]}`;
        const cusip = buildCusip(issuerNumber, issueNumber);
        if (!used.has(`cusip:${cusip}`)) return unique('cusip', () => cusip);
      }
    },

    sedol: () =>
      unique('sedol', () =>
        buildSedol(`${NEW_SEDOL_PREFIX}${randomChars(random, SEDOL_CHARS, 5)}`),
      ),

    isin(basis) {
      switch (basis.kind) {
        case 'cusip':
          return unique('isin', () => buildIsin(basis.country, basis.cusip));
        case 'sedol':
          return unique('isin', () => buildIsin('GB', `00${basis.sedol}`));
        case 'eurobond':
          return unique('isin', () =>
            buildIsin(EUROBOND_PREFIX, `2${randomChars(random, DIGITS, 8)}`),
          );
        case 'national':
          return unique('isin', () =>
            buildIsin(basis.country, nationalNumber(random, basis.country, basis.ticker)),
          );
      }
    },

    lei: (country) =>
      unique('lei', () =>
        buildLei(
          `${random.pick(COUNTRIES[country].leiPrefixes)}${LEI_RESERVED}${randomChars(random, DIGITS + CLEAR_LETTERS, 12)}`,
        ),
      ),
  };
}
