import { CurrencyCode } from './currencies';
import { ExchangeKey } from './exchanges';

/** The 15 issuer countries of the universe (ISO 3166 alpha-2). */
export const COUNTRY_CODES = [
  'US',
  'DE',
  'FR',
  'GB',
  'JP',
  'CH',
  'CA',
  'AU',
  'HK',
  'SG',
  'SE',
  'NO',
  'KR',
  'BR',
  'IN',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export interface Country {
  code: CountryCode;
  name: string;
  currency: CurrencyCode;
  /** Where the country's shares list, the main board first. */
  equityExchanges: readonly ExchangeKey[];
  /** Legal-form endings of company names ("Inc.", "AG", "plc"). */
  legalSuffixes: readonly string[];
  /** Prefixes of Local Operating Units that issue LEIs there (chars 1-4 of an LEI). */
  leiPrefixes: readonly string[];
}

export const COUNTRIES: Readonly<Record<CountryCode, Country>> = {
  US: {
    code: 'US',
    name: 'United States',
    currency: 'USD',
    equityExchanges: ['NYSE', 'NASDAQ'],
    legalSuffixes: ['Inc.', 'Corporation', 'Holdings, Inc.', 'Group, Inc.'],
    leiPrefixes: ['5493', '2549'],
  },
  DE: {
    code: 'DE',
    name: 'Germany',
    currency: 'EUR',
    equityExchanges: ['XETRA'],
    legalSuffixes: ['AG', 'SE'],
    leiPrefixes: ['5299', '3912'],
  },
  FR: {
    code: 'FR',
    name: 'France',
    currency: 'EUR',
    equityExchanges: ['EURONEXT_PARIS'],
    legalSuffixes: ['SA', 'SE'],
    leiPrefixes: ['9695'],
  },
  GB: {
    code: 'GB',
    name: 'United Kingdom',
    currency: 'GBP',
    equityExchanges: ['LSE'],
    legalSuffixes: ['plc', 'Group plc'],
    leiPrefixes: ['2138', '2221'],
  },
  JP: {
    code: 'JP',
    name: 'Japan',
    currency: 'JPY',
    equityExchanges: ['TSE'],
    legalSuffixes: ['Co., Ltd.', 'Corporation', 'Holdings, Inc.'],
    leiPrefixes: ['3538'],
  },
  CH: {
    code: 'CH',
    name: 'Switzerland',
    currency: 'CHF',
    equityExchanges: ['SIX'],
    legalSuffixes: ['AG', 'Holding AG'],
    leiPrefixes: ['5067'],
  },
  CA: {
    code: 'CA',
    name: 'Canada',
    currency: 'CAD',
    equityExchanges: ['TSX'],
    legalSuffixes: ['Inc.', 'Ltd.', 'Corp.'],
    leiPrefixes: ['5493'],
  },
  AU: {
    code: 'AU',
    name: 'Australia',
    currency: 'AUD',
    equityExchanges: ['ASX'],
    legalSuffixes: ['Limited', 'Group Limited'],
    leiPrefixes: ['5299', '5493'],
  },
  HK: {
    code: 'HK',
    name: 'Hong Kong',
    currency: 'HKD',
    equityExchanges: ['HKEX'],
    legalSuffixes: ['Holdings Limited', 'Limited'],
    leiPrefixes: ['2549', '5493'],
  },
  SG: {
    code: 'SG',
    name: 'Singapore',
    currency: 'SGD',
    equityExchanges: ['SGX'],
    legalSuffixes: ['Ltd', 'Holdings Ltd'],
    leiPrefixes: ['5493'],
  },
  SE: {
    code: 'SE',
    name: 'Sweden',
    currency: 'SEK',
    equityExchanges: ['NASDAQ_STOCKHOLM'],
    legalSuffixes: ['AB', 'AB (publ)'],
    leiPrefixes: ['5493', '2138'],
  },
  NO: {
    code: 'NO',
    name: 'Norway',
    currency: 'NOK',
    equityExchanges: ['EURONEXT_OSLO'],
    legalSuffixes: ['ASA'],
    leiPrefixes: ['5967'],
  },
  KR: {
    code: 'KR',
    name: 'South Korea',
    currency: 'KRW',
    equityExchanges: ['KRX'],
    legalSuffixes: ['Co., Ltd.', 'Corp.'],
    leiPrefixes: ['9884'],
  },
  BR: {
    code: 'BR',
    name: 'Brazil',
    currency: 'BRL',
    equityExchanges: ['B3'],
    legalSuffixes: ['S.A.'],
    leiPrefixes: ['2549', '5493'],
  },
  IN: {
    code: 'IN',
    name: 'India',
    currency: 'INR',
    equityExchanges: ['NSE'],
    legalSuffixes: ['Limited', 'Ltd.'],
    leiPrefixes: ['3358'],
  },
};
