import {
  formatChangePercent,
  formatCompact,
  formatMoney,
  formatSignedMoney,
  formatWeight,
} from './format';

describe('formats', () => {
  it('writes amounts, weights and changes the same in every browser locale', () => {
    expect(formatMoney(79359386.87)).toBe('79,359,386.87');
    expect(formatSignedMoney(28178.86)).toBe('+28,178.86');
    expect(formatSignedMoney(-366249.01)).toBe('-366,249.01');
    expect(formatCompact(1_234_567)).toBe('1.23M');
    expect(formatWeight(0.1434078512)).toBe('14.34 %');
    expect(formatChangePercent(1.5127)).toBe('+1.51 %');
    expect(formatChangePercent(-0.2)).toBe('-0.20 %');
    expect(formatChangePercent(null)).toBe('\u2013');
  });
});
