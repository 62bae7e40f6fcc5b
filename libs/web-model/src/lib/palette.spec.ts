import { changeColor, contrastRatio, PALETTE, readableTextOn, relativeLuminance } from './palette';

describe('palette: accessible colours', () => {
  it("computes WCAG contrast as the standard's own examples do", () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WCAG's example: #777777 on white is 4.48:1, just short of AA.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(relativeLuminance('#ff0000')).toBeCloseTo(0.2126, 4);
  });

  it('gives every text colour at least 4.5:1 on the background and the surface', () => {
    for (const text of [
      PALETTE.text,
      PALETTE.mutedText,
      PALETTE.accent,
      PALETTE.up,
      PALETTE.down,
    ]) {
      expect(contrastRatio(text, PALETTE.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(text, PALETTE.surface)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('colours a change from grey to the rise or fall colour, capped at full scale', () => {
    expect(changeColor(0)).toBe('#d0d7de');
    expect(changeColor(null)).toBe('#d0d7de');
    expect(changeColor(3)).toBe(PALETTE.up);
    expect(changeColor(-12)).toBe(PALETTE.down);
    // Half way from #d0d7de to #cf222e: each channel the mean.
    expect(changeColor(-1.5)).toBe('#d07d86');
  });

  it('labels every tile colour with text of at least 4.5:1', () => {
    for (let percent = -4; percent <= 4; percent += 0.25) {
      const tile = changeColor(percent);
      expect(contrastRatio(readableTextOn(tile), tile)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
