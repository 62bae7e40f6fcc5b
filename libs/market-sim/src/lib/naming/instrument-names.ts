import { IsoDate } from '../calendar/iso-date';

/**
 * How ids, tickers and names of instruments are written: one convention for the base set's
 * universe and the scale set's grown one (and for what reads a name back, like an option's strike).
 */

/** SEC-0001: a security's id by its position in the universe. */
export const securityId = (position: number): string => `SEC-${String(position).padStart(4, '0')}`;

/** ISS-001: an issuer's id by its position. */
export const issuerId = (position: number): string => `ISS-${String(position).padStart(3, '0')}`;

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The futures exchanges' month codes, January (F) to December (Z). */
const FUTURES_MONTH_CODES = 'FGHJKMNQUVXZ';

const monthIndex = (date: IsoDate) => Number(date.slice(5, 7)) - 1;

/** "Jun 2025": a contract's expiry month as option and future names give it. */
export const contractMonth = (expiry: IsoDate): string =>
  `${MONTH_NAMES[monthIndex(expiry)]} ${expiry.slice(0, 4)}`;

/** 0.04125 -> "4.125", 0.045 -> "4.5": an annual coupon (a fraction) in percent, as a trader writes it. */
export const couponText = (couponRate: number): string =>
  String(Number((couponRate * 100).toFixed(3)));

/** "NGT 4.125 06/15/31": the issuer's code, the coupon, the maturity as MM/DD/YY. */
export const bondTicker = (shortCode: string, couponRate: number, maturity: IsoDate): string =>
  `${shortCode} ${couponText(couponRate)} ${maturity.slice(5, 7)}/${maturity.slice(8, 10)}/${maturity.slice(2, 4)}`;

/** "Northgate Corp 4.125% Senior Notes due 2031". */
export const bondName = (
  issuerName: string,
  couponRate: number,
  seniority: string,
  maturity: IsoDate,
): string => `${issuerName} ${couponText(couponRate)}% ${seniority} due ${maturity.slice(0, 4)}`;

/** "NGF 21-1 A-1": a CLO or ABS note by its vehicle's code, vintage year, series and tranche. */
export const noteTicker = (
  shortCode: string,
  vintage: number,
  series: number,
  tranche: string,
): string => `${shortCode} ${String(vintage).slice(2)}-${series} ${tranche}`;

export type OptionKind = 'call' | 'put';

/** "MRGI 250620C150": the root, the expiry as YYMMDD, C or P, the strike. */
export const optionTicker = (
  root: string,
  expiry: IsoDate,
  kind: OptionKind,
  strike: number,
): string =>
  `${root} ${expiry.slice(2).replaceAll('-', '')}${kind === 'call' ? 'C' : 'P'}${strike}`;

/** "Maplewater Retail Group, Inc. Jun 2025 150 Call". */
export const optionName = (
  underlyingName: string,
  expiry: IsoDate,
  strike: number,
  kind: OptionKind,
): string =>
  `${underlyingName} ${contractMonth(expiry)} ${strike} ${kind === 'call' ? 'Call' : 'Put'}`;

const OPTION_NAME_END = /(\d+(?:\.\d+)?) (Call|Put)$/;

/** The strike and kind an option's name ends with; undefined for a name that is not an option's. */
export function parseOptionName(name: string): { strike: number; kind: OptionKind } | undefined {
  const match = OPTION_NAME_END.exec(name);
  return match
    ? { strike: Number(match[1]), kind: match[2] === 'Put' ? 'put' : 'call' }
    : undefined;
}

/** "ESM5": the root, the expiry month's code, the year's last digit. */
export const futureTicker = (root: string, expiry: IsoDate): string =>
  `${root}${FUTURES_MONTH_CODES[monthIndex(expiry)]}${expiry.slice(3, 4)}`;

/** "E-mini US 500 Index Futures Jun 2025": the contract, then its expiry month. */
export const futureName = (contract: string, expiry: IsoDate): string =>
  `${contract} ${contractMonth(expiry)}`;
