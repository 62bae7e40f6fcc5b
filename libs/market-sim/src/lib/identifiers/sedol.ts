import { alphanumericValue } from './alphanumeric-value';

/** Vowels are never used in a SEDOL, so no word is ever spelt by accident. */
const SEDOL_BODY = /^[0-9B-DF-HJ-NP-TV-Z]{6}$/;
const SEDOL = /^[0-9B-DF-HJ-NP-TV-Z]{6}[0-9]$/;
const WEIGHTS = [1, 3, 1, 7, 3, 9];

export function sedolCheckDigit(body: string): string {
  if (!SEDOL_BODY.test(body)) {
    throw new RangeError(`a SEDOL body is 6 digits or consonants, got "${body}"`);
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * alphanumericValue(body[i]), 0);
  return String((10 - (sum % 10)) % 10);
}

export function buildSedol(body: string): string {
  return `${body}${sedolCheckDigit(body)}`;
}

export function isValidSedol(sedol: string): boolean {
  return SEDOL.test(sedol) && sedolCheckDigit(sedol.slice(0, 6)) === sedol[6];
}
