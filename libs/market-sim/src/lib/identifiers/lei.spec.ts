import { buildLei, isValidLei, leiCheckDigits } from './lei';

describe('LEI', () => {
  it.each([
    ['Apple Inc.', 'HWUPKR0MPOU8FGXBT394'],
    ['Microsoft Corporation', 'INR2EJN1ERAN0W5ZP974'],
    ['Deutsche Bank AG', '7LTWFZYICNSX8D621K86'],
    ['Bloomberg Finance L.P.', '5493001KJTIIGC8Y1R12'],
  ])('accepts the real LEI of %s', (_entity, lei) => {
    expect(isValidLei(lei)).toBe(true);
    expect(leiCheckDigits(lei.slice(0, 18))).toBe(lei.slice(18));
  });

  it.each(['HWUPKR0MPOU8FGXBT395', 'HWUPKR0MPOU8FGXBT39', 'hwupkr0mpou8fgxbt394'])(
    'rejects %s',
    (lei) => expect(isValidLei(lei)).toBe(false),
  );

  it('pads check digits below 10 with a zero', () => {
    const leis = Array.from({ length: 200 }, (_, i) =>
      buildLei(`5493${String(i).padStart(14, '0')}`),
    );
    expect(leis.every(isValidLei)).toBe(true);
    expect(leis.some((lei) => lei[18] === '0')).toBe(true);
  });
});
