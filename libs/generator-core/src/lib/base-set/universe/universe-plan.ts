import { CountryCode, SectorName } from '@securities/market-sim';

/**
 * The shape of the 120-security universe, the 1,000-security scale set's mix scaled down
 * (550/290/90/45/25 -> 66/35/11/5/3), laid out in id order: SEC-0001..0066 shares (US first, so
 * SEC-0001 is an NYSE stock), SEC-0067..0101 bonds, 0102..0107 options, 0108..0112 futures,
 * 0113..0117 CLO and ABS notes, 0118..0120 ETFs and a fund.
 */
export const EQUITY_LISTINGS: readonly { country: CountryCode; count: number }[] = [
  { country: 'US', count: 24 },
  { country: 'DE', count: 4 },
  { country: 'FR', count: 4 },
  { country: 'GB', count: 5 },
  { country: 'JP', count: 5 },
  { country: 'CH', count: 3 },
  { country: 'CA', count: 3 },
  { country: 'AU', count: 3 },
  { country: 'HK', count: 3 },
  { country: 'SG', count: 2 },
  { country: 'SE', count: 2 },
  { country: 'NO', count: 2 },
  { country: 'KR', count: 2 },
  { country: 'BR', count: 2 },
  { country: 'IN', count: 2 },
];

/** US listings alternate between the two boards; position 0 (SEC-0001) is on the NYSE. */
export function usEquityExchange(position: number): 'NYSE' | 'NASDAQ' {
  return position % 5 === 1 || position % 5 === 3 ? 'NASDAQ' : 'NYSE';
}

/** Issuers whose business the data needs (a fund sponsor, exchange operators) or a scenario names. */
export const FIXED_EQUITY_PROFILES: Readonly<
  Record<string, { sector: SectorName; industry: string }>
> = {
  'SEC-0001': { sector: 'Technology', industry: 'Software' },
  'SEC-0003': { sector: 'Technology', industry: 'Semiconductors' },
  'SEC-0007': { sector: 'Healthcare', industry: 'Biotechnology' },
  'SEC-0008': { sector: 'Financials', industry: 'Asset Management & Custody Banks' },
  'SEC-0011': { sector: 'Consumer Discretionary', industry: 'Specialty Retail' },
  'SEC-0012': { sector: 'Financials', industry: 'Financial Exchanges & Data' },
  'SEC-0025': { sector: 'Financials', industry: 'Financial Exchanges & Data' },
  'SEC-0029': { sector: 'Consumer Discretionary', industry: 'Automobiles' },
};

/** The ETF and fund sponsor, and the operators of the futures exchanges (CME, Eurex). */
export const FUND_SPONSOR_EQUITY = 'SEC-0008';
export const US_EXCHANGE_OPERATOR_EQUITY = 'SEC-0012';
export const EU_EXCHANGE_OPERATOR_EQUITY = 'SEC-0025';

/** Rough sector weights of a global equity index, for the shares not fixed above. */
export const SECTOR_WEIGHTS: readonly [SectorName, number][] = [
  ['Technology', 18],
  ['Financials', 15],
  ['Healthcare', 12],
  ['Industrials', 11],
  ['Consumer Discretionary', 10],
  ['Communication Services', 8],
  ['Consumer Staples', 7],
  ['Energy', 6],
  ['Materials', 5],
  ['Utilities', 4],
  ['Real Estate', 4],
];

export const BOND_COUNT = 35;

/**
 * Rating on period 1 of each bond issuer, as a range of notches (0 = AAA): the downgrade's issuer
 * sits at BBB/BBB-, the maturing bond's in the A range, then 7 issuers from AA+ to A-, 6 in the BBB
 * range and 8 high-yield ones. The bands guarantee both fixed-income portfolios enough bonds to
 * choose from; the first high-yield issuer is upgraded in the period.
 */
export const BOND_ISSUER_RATINGS: readonly (readonly [number, number])[] = [
  [8, 9],
  [4, 6],
  ...Array.from({ length: 7 }, () => [1, 6] as const),
  ...Array.from({ length: 6 }, () => [7, 9] as const),
  ...Array.from({ length: 8 }, () => [10, 15] as const),
];
export const DOWNGRADED_ISSUER_SLOT = 0;
export const MATURING_BOND_ISSUER_SLOT = 1;
export const UPGRADED_ISSUER_SLOT = 15;

/** How many bonds each issuer slot has, beyond the scenario bonds placed first. */
export function extraBondsOfIssuerSlot(slot: number): number {
  if (slot === DOWNGRADED_ISSUER_SLOT) return 0;
  if (slot === MATURING_BOND_ISSUER_SLOT) return 1;
  return slot <= 11 ? 2 : 1;
}

/**
 * Rating actions after the initial rating and before period 1, per rated issuer (the 23 bond
 * issuers, then the 5 vehicles): 28 initial ratings + 31 such actions + the 2 in the period make
 * the seed's 61 credit_ratings rows.
 */
export function actionsBeforePeriod1(ratedIndex: number): number {
  return ratedIndex < 3 ? 2 : 1;
}

export const OPTION_EXPIRIES = ['2025-06-20', '2025-09-19', '2025-12-19', '2026-01-16'] as const;
export const OPTION_KINDS = ['call', 'put', 'call', 'put', 'call', 'put'] as const;

export interface FutureDefinition {
  /** The contract's symbol root: its ticker adds the expiry month's code and year ("ESM5"). */
  root: string;
  /** The contract: its name adds the expiry month ("... Index Futures Jun 2025"). */
  contract: string;
  exchange: 'CME' | 'EUREX';
  expiry: string;
  listed: string;
  initialPrice: readonly [number, number];
  annualVolatility: number;
  marketLoading: number;
  /** Loading on the factor of its risk sector (index, rates, commodities). */
  sectorLoading: number;
  riskSector: string;
}

export const FUTURES: readonly FutureDefinition[] = [
  {
    root: 'ES',
    contract: 'E-mini US 500 Index Futures',
    exchange: 'CME',
    expiry: '2025-06-20',
    listed: '2024-03-15',
    initialPrice: [5_800, 6_100],
    annualVolatility: 0.17,
    marketLoading: 0.97,
    sectorLoading: 0.2,
    riskSector: 'Equity Index',
  },
  {
    root: 'NQ',
    contract: 'E-mini US Tech 100 Index Futures',
    exchange: 'CME',
    expiry: '2025-06-20',
    listed: '2024-03-15',
    initialPrice: [20_500, 21_800],
    annualVolatility: 0.22,
    marketLoading: 0.9,
    sectorLoading: 0.35,
    riskSector: 'Equity Index',
  },
  {
    root: 'ZN',
    contract: '10-Year US Treasury Note Futures',
    exchange: 'CME',
    expiry: '2025-06-18',
    listed: '2024-06-21',
    initialPrice: [107, 111],
    annualVolatility: 0.06,
    marketLoading: -0.2,
    sectorLoading: 0.7,
    riskSector: 'Rates',
  },
  {
    root: 'GC',
    contract: 'Gold Futures',
    exchange: 'CME',
    expiry: '2025-06-26',
    listed: '2023-06-28',
    initialPrice: [2_600, 2_700],
    annualVolatility: 0.15,
    marketLoading: 0.1,
    sectorLoading: 0.7,
    riskSector: 'Commodities',
  },
  {
    root: 'FESX',
    contract: 'Euro Area 50 Index Futures',
    exchange: 'EUREX',
    expiry: '2025-06-20',
    listed: '2024-06-21',
    initialPrice: [4_800, 5_000],
    annualVolatility: 0.17,
    marketLoading: 0.85,
    sectorLoading: 0.4,
    riskSector: 'Equity Index',
  },
];

export interface StructuredDefinition {
  type: 'CLO' | 'ABS';
  tranche: string;
  /** Tranche rating (notch, 0 = AAA) and its spread over a corporate bond of the same rating. */
  notch: number;
  extraSpread: number;
  vehicle: 'clo' | 'auto' | 'card';
  legalFinalYears: readonly [number, number];
}

export const STRUCTURED: readonly StructuredDefinition[] = [
  {
    type: 'CLO',
    tranche: 'A-1',
    notch: 0,
    extraSpread: 0.0095,
    vehicle: 'clo',
    legalFinalYears: [2033, 2036],
  },
  {
    type: 'CLO',
    tranche: 'B',
    notch: 2,
    extraSpread: 0.012,
    vehicle: 'clo',
    legalFinalYears: [2033, 2036],
  },
  {
    type: 'CLO',
    tranche: 'D',
    notch: 9,
    extraSpread: 0.018,
    vehicle: 'clo',
    legalFinalYears: [2032, 2035],
  },
  {
    type: 'ABS',
    tranche: 'A-3',
    notch: 0,
    extraSpread: 0.004,
    vehicle: 'auto',
    legalFinalYears: [2028, 2030],
  },
  {
    type: 'ABS',
    tranche: 'B',
    notch: 5,
    extraSpread: 0.006,
    vehicle: 'card',
    legalFinalYears: [2027, 2029],
  },
];

export interface FundDefinition {
  type: 'ETF' | 'FUND';
  name: string;
  initialPrice: readonly [number, number];
  annualVolatility: number;
  marketLoading: number;
  sectorLoading: number;
  riskSector: string;
}

export const FUNDS: readonly FundDefinition[] = [
  {
    type: 'ETF',
    name: 'US Equity Index ETF',
    initialPrice: [380, 560],
    annualVolatility: 0.16,
    marketLoading: 0.97,
    sectorLoading: 0.2,
    riskSector: 'Equity Index',
  },
  {
    type: 'ETF',
    name: 'Aggregate Bond ETF',
    initialPrice: [90, 110],
    annualVolatility: 0.055,
    marketLoading: 0.15,
    sectorLoading: 0.6,
    riskSector: 'Rates',
  },
  {
    type: 'FUND',
    name: 'Global Balanced Fund Class I',
    initialPrice: [18, 40],
    annualVolatility: 0.1,
    marketLoading: 0.8,
    sectorLoading: 0.3,
    riskSector: 'Multi-Asset',
  },
];
