/** The 14 currencies of the 15 countries: USD and the 13 the FX table quotes against it. */
export const CURRENCY_CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'CAD',
  'AUD',
  'HKD',
  'SGD',
  'SEK',
  'NOK',
  'KRW',
  'BRL',
  'INR',
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const BASE_CURRENCY = 'USD' satisfies CurrencyCode;

export interface CurrencyProfile {
  code: CurrencyCode;
  name: string;
  /** USD per unit around the end of 2024: where a simulated FX path starts. */
  usdPerUnit: number;
  /** Annualised volatility of the rate against USD (HKD is pegged, BRL is not). */
  annualVolatility: number;
  /** Decimal places of an equity price quoted in the currency (yen and won trade in whole units). */
  priceDecimals: number;
  /** Where most share prices quoted in the currency lie: [low, high]. */
  typicalSharePrice: readonly [number, number];
  /** Zero-coupon government yields, short end and long end (fractions): the risk-free curve. */
  riskFree: { short: number; long: number };
}

export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyProfile>> = {
  USD: {
    code: 'USD',
    name: 'US Dollar',
    usdPerUnit: 1,
    annualVolatility: 0,
    priceDecimals: 2,
    typicalSharePrice: [15, 450],
    riskFree: { short: 0.043, long: 0.046 },
  },
  EUR: {
    code: 'EUR',
    name: 'Euro',
    usdPerUnit: 1.0354,
    annualVolatility: 0.075,
    priceDecimals: 2,
    typicalSharePrice: [10, 250],
    riskFree: { short: 0.028, long: 0.024 },
  },
  GBP: {
    code: 'GBP',
    name: 'Pound Sterling',
    usdPerUnit: 1.2516,
    annualVolatility: 0.08,
    priceDecimals: 2,
    typicalSharePrice: [2, 60],
    riskFree: { short: 0.047, long: 0.046 },
  },
  JPY: {
    code: 'JPY',
    name: 'Japanese Yen',
    usdPerUnit: 0.006361,
    annualVolatility: 0.1,
    priceDecimals: 0,
    typicalSharePrice: [800, 12_000],
    riskFree: { short: 0.003, long: 0.012 },
  },
  CHF: {
    code: 'CHF',
    name: 'Swiss Franc',
    usdPerUnit: 1.1034,
    annualVolatility: 0.075,
    priceDecimals: 2,
    typicalSharePrice: [20, 500],
    riskFree: { short: 0.004, long: 0.004 },
  },
  CAD: {
    code: 'CAD',
    name: 'Canadian Dollar',
    usdPerUnit: 0.6953,
    annualVolatility: 0.06,
    priceDecimals: 2,
    typicalSharePrice: [10, 150],
    riskFree: { short: 0.032, long: 0.033 },
  },
  AUD: {
    code: 'AUD',
    name: 'Australian Dollar',
    usdPerUnit: 0.6188,
    annualVolatility: 0.1,
    priceDecimals: 2,
    typicalSharePrice: [2, 120],
    riskFree: { short: 0.042, long: 0.044 },
  },
  HKD: {
    code: 'HKD',
    name: 'Hong Kong Dollar',
    usdPerUnit: 0.12874,
    annualVolatility: 0.005,
    priceDecimals: 2,
    typicalSharePrice: [5, 400],
    riskFree: { short: 0.04, long: 0.037 },
  },
  SGD: {
    code: 'SGD',
    name: 'Singapore Dollar',
    usdPerUnit: 0.733,
    annualVolatility: 0.05,
    priceDecimals: 2,
    typicalSharePrice: [1, 40],
    riskFree: { short: 0.03, long: 0.029 },
  },
  SEK: {
    code: 'SEK',
    name: 'Swedish Krona',
    usdPerUnit: 0.0905,
    annualVolatility: 0.1,
    priceDecimals: 2,
    typicalSharePrice: [50, 500],
    riskFree: { short: 0.025, long: 0.023 },
  },
  NOK: {
    code: 'NOK',
    name: 'Norwegian Krone',
    usdPerUnit: 0.08804,
    annualVolatility: 0.11,
    priceDecimals: 2,
    typicalSharePrice: [50, 400],
    riskFree: { short: 0.044, long: 0.039 },
  },
  KRW: {
    code: 'KRW',
    name: 'South Korean Won',
    usdPerUnit: 0.000679,
    annualVolatility: 0.09,
    priceDecimals: 0,
    typicalSharePrice: [20_000, 400_000],
    riskFree: { short: 0.029, long: 0.028 },
  },
  BRL: {
    code: 'BRL',
    name: 'Brazilian Real',
    usdPerUnit: 0.1619,
    annualVolatility: 0.16,
    priceDecimals: 2,
    typicalSharePrice: [8, 60],
    riskFree: { short: 0.14, long: 0.145 },
  },
  INR: {
    code: 'INR',
    name: 'Indian Rupee',
    usdPerUnit: 0.01168,
    annualVolatility: 0.05,
    priceDecimals: 2,
    typicalSharePrice: [200, 4_000],
    riskFree: { short: 0.066, long: 0.068 },
  },
};

/** The currencies the FX table quotes against USD. */
export const NON_BASE_CURRENCIES: readonly CurrencyCode[] = CURRENCY_CODES.filter(
  (code) => code !== BASE_CURRENCY,
);
