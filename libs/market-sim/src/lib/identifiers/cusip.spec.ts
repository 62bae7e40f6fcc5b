import { buildCusip, cusipCheckDigit, isValidCusip } from './cusip';

describe('CUSIP', () => {
  it.each([
    ['Apple', '037833100'],
    ['Microsoft', '594918104'],
    ['Google class A (2004)', '38259P508'],
    ['an Apple bond', '037833AK6'],
  ])('accepts the real CUSIP of %s', (_issue, cusip) => {
    expect(isValidCusip(cusip)).toBe(true);
    expect(cusipCheckDigit(cusip.slice(0, 8))).toBe(cusip[8]);
  });

  it.each(['037833101', '03783310', '0378331000', '037833l00'])('rejects %s', (cusip) =>
    expect(isValidCusip(cusip)).toBe(false),
  );

  it('builds a CUSIP from issuer and issue numbers', () => {
    expect(buildCusip('037833', '10')).toBe('037833100');
    expect(() => buildCusip('0378', '10')).toThrow('a CUSIP body is 8 letters, digits or * @ #');
  });
});
