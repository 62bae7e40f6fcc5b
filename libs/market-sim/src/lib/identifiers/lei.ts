import { lettersAsNumbers } from './alphanumeric-value';

const LEI_BODY = /^[0-9A-Z]{18}$/;
const LEI = /^[0-9A-Z]{18}[0-9]{2}$/;

/** The remainder mod 97 of the digit string, taken in chunks so it never loses precision. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

/** ISO 17442 (the ISO 7064 MOD 97-10 of IBANs): the two digits that make the whole LEI = 1 mod 97. */
export function leiCheckDigits(body: string): string {
  if (!LEI_BODY.test(body)) {
    throw new RangeError(`an LEI body is 18 letters or digits, got "${body}"`);
  }
  return String(98 - mod97(`${lettersAsNumbers(body)}00`)).padStart(2, '0');
}

export function buildLei(body: string): string {
  return `${body}${leiCheckDigits(body)}`;
}

export function isValidLei(lei: string): boolean {
  return LEI.test(lei) && mod97(lettersAsNumbers(lei)) === 1;
}
