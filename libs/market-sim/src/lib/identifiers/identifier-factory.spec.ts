import { createRandomSource } from '../random/random-source';
import { COUNTRY_CODES } from '../reference-data/countries';
import { isValidCusip } from './cusip';
import { createIdentifierFactory, TakenIdentifiers } from './identifier-factory';
import { isValidIsin } from './isin';
import { isValidLei } from './lei';
import { isValidSedol } from './sedol';

const factory = (seed = 11) => createIdentifierFactory(createRandomSource(seed, 'identifiers'));

describe('createIdentifierFactory', () => {
  it('makes valid, unique CUSIPs: shares have issue number 10, debt issues AA, AB, ...', () => {
    const identifiers = factory();
    const issuer = identifiers.cusipIssuerNumber();
    expect(identifiers.cusip(issuer, 'shares')).toMatch(new RegExp(`^${issuer}10\\d$`));
    expect(identifiers.cusip(issuer, 'debt').slice(6, 8)).toBe('AA');
    expect(identifiers.cusip(issuer, 'debt').slice(6, 8)).toBe('AB');
    const issuers = Array.from({ length: 300 }, () => identifiers.cusipIssuerNumber());
    expect(new Set(issuers).size).toBe(300);
    expect(issuers.map((number) => identifiers.cusip(number, 'shares')).every(isValidCusip)).toBe(
      true,
    );
  });

  it('numbers further share classes 11, 12, ... and stops after 88', () => {
    const identifiers = factory();
    const issuer = identifiers.cusipIssuerNumber();
    expect(identifiers.cusip(issuer, 'shares', 1).slice(6, 8)).toBe('11');
    expect(identifiers.cusip(issuer, 'shares', 78).slice(6, 8)).toBe('88');
    expect(() => identifiers.cusip(issuer, 'shares', 79)).toThrow('a share class is 0..78');
  });

  it('never makes an identifier it was told is taken; debt issue numbers skip the taken ones', () => {
    // Each is the first draw of the same stream, which the taken list turns away.
    const taken = (list: TakenIdentifiers) =>
      createIdentifierFactory(createRandomSource(11, 'identifiers'), list);
    const issuer = factory().cusipIssuerNumber();
    expect(taken({ cusipIssuerNumbers: [issuer] }).cusipIssuerNumber()).not.toBe(issuer);
    const sedol = factory().sedol();
    expect(taken({ sedols: [sedol] }).sedol()).not.toBe(sedol);
    const lei = factory().lei('US');
    expect(taken({ leis: [lei] }).lei('US')).not.toBe(lei);
    const eurobond = factory().isin({ kind: 'eurobond' });
    expect(taken({ isins: [eurobond] }).isin({ kind: 'eurobond' })).not.toBe(eurobond);
    const first = factory();
    const cusips = [first.cusip(issuer, 'debt'), first.cusip(issuer, 'debt')];
    expect(taken({ cusips }).cusip(issuer, 'debt').slice(6, 8)).toBe('AC');
  });

  it('refuses to make the same derived identifier twice', () => {
    const identifiers = factory();
    const issuer = identifiers.cusipIssuerNumber();
    identifiers.cusip(issuer, 'shares');
    expect(() => identifiers.cusip(issuer, 'shares')).toThrow('no unique cusip');
  });

  it('makes new-style SEDOLs, and GB ISINs as GB00 + SEDOL', () => {
    const identifiers = factory();
    const sedol = identifiers.sedol();
    expect(sedol).toMatch(/^B[0-9B-DF-HJ-NP-TV-Z]{5}\d$/);
    expect(isValidSedol(sedol)).toBe(true);
    const isin = identifiers.isin({ kind: 'sedol', sedol });
    expect(isin.slice(0, 11)).toBe(`GB00${sedol}`);
    expect(isValidIsin(isin)).toBe(true);
  });

  it('makes US and Canadian ISINs from the CUSIP', () => {
    const identifiers = factory();
    const cusip = identifiers.cusip(identifiers.cusipIssuerNumber(), 'shares');
    expect(identifiers.isin({ kind: 'cusip', country: 'CA', cusip }).slice(0, 11)).toBe(
      `CA${cusip}`,
    );
  });

  it('embeds the ticker where the national numbering does (Korea, Australia, Brazil)', () => {
    const identifiers = factory();
    expect(identifiers.isin({ kind: 'national', country: 'KR', ticker: '005930' })).toBe(
      'KR7005930003',
    );
    expect(identifiers.isin({ kind: 'national', country: 'AU', ticker: 'BHP' }).slice(0, 11)).toBe(
      'AU000000BHP',
    );
    expect(
      identifiers.isin({ kind: 'national', country: 'BR', ticker: 'PETR3' }).slice(0, 11),
    ).toBe('BRPETRACNOR');
    expect(() => identifiers.isin({ kind: 'national', country: 'KR', ticker: 'ABC' })).toThrow(
      'an ISIN in KR embeds the ticker',
    );
  });

  it('makes valid national ISINs and eurobond (XS) ISINs, all different', () => {
    const identifiers = factory();
    const tickers: Record<string, () => string> = {
      KR: () => String(100_000 + isins.length).padStart(6, '0'),
      AU: () =>
        `A${String.fromCharCode(65 + (isins.length % 26))}${String.fromCharCode(65 + Math.floor(isins.length / 26))}`,
      BR: () =>
        `${String.fromCharCode(65 + (isins.length % 26))}${String.fromCharCode(65 + Math.floor(isins.length / 26))}XY3`,
    };
    const isins: string[] = [];
    for (let round = 0; round < 20; round++) {
      for (const country of COUNTRY_CODES.filter(
        (code) => code !== 'US' && code !== 'CA' && code !== 'GB',
      )) {
        isins.push(identifiers.isin({ kind: 'national', country, ticker: tickers[country]?.() }));
      }
      isins.push(identifiers.isin({ kind: 'eurobond' }));
    }
    expect(isins.every(isValidIsin)).toBe(true);
    expect(new Set(isins).size).toBe(isins.length);
    expect(isins.filter((isin) => isin.startsWith('XS2'))).toHaveLength(20);
  });

  it('makes valid, unique LEIs from the country’s LEI issuers', () => {
    const identifiers = factory();
    const leis = COUNTRY_CODES.flatMap((country) =>
      Array.from({ length: 20 }, () => identifiers.lei(country)),
    );
    expect(leis.every(isValidLei)).toBe(true);
    expect(new Set(leis).size).toBe(leis.length);
    expect(identifiers.lei('FR')).toMatch(/^969500/);
  });

  it('is deterministic for a seed', () => {
    const draw = (seed: number) => {
      const identifiers = factory(seed);
      return [identifiers.sedol(), identifiers.lei('US'), identifiers.isin({ kind: 'eurobond' })];
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)).not.toEqual(draw(1));
  });
});
