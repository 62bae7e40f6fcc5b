const DIGIT_OR_UPPER_LETTER = /^[0-9A-Z]$/;

/** '0'..'9' -> 0..9, 'A'..'Z' -> 10..35: the letters-as-numbers rule of ISIN, CUSIP, SEDOL and LEI. */
export function alphanumericValue(char: string): number {
  if (!DIGIT_OR_UPPER_LETTER.test(char)) {
    throw new RangeError(`not a digit or upper-case letter: "${char}"`);
  }
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** The digit string with every letter replaced by its two-digit value (A -> "10"). */
export function lettersAsNumbers(text: string): string {
  return [...text].map((char) => String(alphanumericValue(char))).join('');
}
