const CUSIP_BODY = /^[0-9A-Z*@#]{8}$/;
const CUSIP = /^[0-9A-Z*@#]{8}[0-9]$/;
const SPECIAL_VALUES: Record<string, number> = { '*': 36, '@': 37, '#': 38 };

function cusipCharValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return SPECIAL_VALUES[char];
}

/** "Modulus 10 double add double": every second character doubled, the digits of each value added. */
export function cusipCheckDigit(body: string): string {
  if (!CUSIP_BODY.test(body)) {
    throw new RangeError(`a CUSIP body is 8 letters, digits or * @ #, got "${body}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = cusipCharValue(body[i]) * (i % 2 === 1 ? 2 : 1);
    sum += Math.floor(value / 10) + (value % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

/** A CUSIP from its issuer number (6 characters) and issue number (2 characters). */
export function buildCusip(issuerNumber: string, issueNumber: string): string {
  const body = `${issuerNumber}${issueNumber}`;
  return `${body}${cusipCheckDigit(body)}`;
}

export function isValidCusip(cusip: string): boolean {
  return CUSIP.test(cusip) && cusipCheckDigit(cusip.slice(0, 8)) === cusip[8];
}
