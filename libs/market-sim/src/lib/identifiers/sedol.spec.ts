import { buildSedol, isValidSedol, sedolCheckDigit } from './sedol';

describe('SEDOL', () => {
  it.each(['0263494', 'B0YBKJ7', 'B0YBLH2', '2282765', '5579107', 'B000300'])(
    'accepts the real SEDOL %s',
    (sedol) => {
      expect(isValidSedol(sedol)).toBe(true);
      expect(sedolCheckDigit(sedol.slice(0, 6))).toBe(sedol[6]);
    },
  );

  it.each(['0263495', 'B0YBKA7', '026349', 'b0ybkj7'])('rejects %s', (sedol) =>
    expect(isValidSedol(sedol)).toBe(false),
  );

  it('never accepts a vowel in the body', () => {
    expect(() => buildSedol('B0YBKA')).toThrow('a SEDOL body is 6 digits or consonants');
  });
});
