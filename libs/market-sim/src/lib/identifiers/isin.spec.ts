import { buildIsin, isinCheckDigit, isValidIsin } from './isin';

describe('ISIN', () => {
  it.each([
    ['Apple', 'US0378331005'],
    ['Microsoft', 'US5949181045'],
    ['SAP', 'DE0007164600'],
    ['BAE Systems', 'GB0002634946'],
    ['Toyota', 'JP3633400001'],
    ['Treasury Corporation of Victoria', 'AU0000XVGZA3'],
  ])('accepts the real ISIN of %s', (_issuer, isin) => {
    expect(isValidIsin(isin)).toBe(true);
    expect(isinCheckDigit(isin.slice(0, 11))).toBe(isin[11]);
  });

  it.each(['US0378331006', 'US037833100', 'us0378331005', 'U10378331005', 'US03783310055'])(
    'rejects %s',
    (isin) => expect(isValidIsin(isin)).toBe(false),
  );

  it('builds an ISIN from a country and a national number', () => {
    expect(buildIsin('US', '037833100')).toBe('US0378331005');
    expect(() => buildIsin('US', '0378')).toThrow(
      'an ISIN body is 2 letters and 9 letters or digits',
    );
  });
});
