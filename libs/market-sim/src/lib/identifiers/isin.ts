import { lettersAsNumbers } from './alphanumeric-value';

const ISIN_BODY = /^[A-Z]{2}[0-9A-Z]{9}$/;
const ISIN = /^[A-Z]{2}[0-9A-Z]{9}[0-9]$/;

/** Luhn over the digits of the ISIN body with letters as numbers (ISO 6166). */
export function isinCheckDigit(body: string): string {
  if (!ISIN_BODY.test(body)) {
    throw new RangeError(`an ISIN body is 2 letters and 9 letters or digits, got "${body}"`);
  }
  const digits = lettersAsNumbers(body);
  let sum = 0;
  // The check digit will sit to the right, so the body's rightmost digit is the one doubled.
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The ISIN of a national number (NSIN, 9 characters) in a country (ISO 3166 alpha-2, or XS). */
export function buildIsin(countryPrefix: string, nationalNumber: string): string {
  const body = `${countryPrefix}${nationalNumber}`;
  return `${body}${isinCheckDigit(body)}`;
}

export function isValidIsin(isin: string): boolean {
  return ISIN.test(isin) && isinCheckDigit(isin.slice(0, 11)) === isin[11];
}
