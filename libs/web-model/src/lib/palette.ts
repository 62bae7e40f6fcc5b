/**
 * The app's colours. Text colours reach WCAG AA (4.5:1) on the page background and rises and
 * falls are told apart by sign and shape as well as hue (tested in palette.spec.ts).
 */
export const PALETTE = {
  background: '#ffffff',
  surface: '#f6f8fa',
  text: '#1f2328',
  mutedText: '#59636e',
  border: '#d1d9e0',
  accent: '#0959c6',
  /** Rises: text, candles and markers. */
  up: '#1a7f37',
  /** Falls. */
  down: '#cf222e',
  upTranslucent: 'rgba(26, 127, 55, 0.45)',
  downTranslucent: 'rgba(207, 34, 46, 0.45)',
  /** The bid/ask band and other secondary lines. */
  bid: '#0959c6',
  ask: '#8250df',
  neutral: '#6e7781',
  event: '#9a6700',
} as const;

type Rgb = [number, number, number];

export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: "${hex}"`);
  return [1, 2, 3].map((index) => parseInt(match[index], 16)) as Rgb;
}

export const toHexColor = (rgb: Rgb): string =>
  `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 .. 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** Black or white text, whichever reads better on `background`. */
export const readableTextOn = (background: string): '#000000' | '#ffffff' =>
  contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';

const mix = (a: Rgb, b: Rgb, share: number): Rgb =>
  a.map((channel, index) => channel + (b[index] - channel) * share) as Rgb;

/**
 * A change in percent as a colour: grey at 0, deepening towards `PALETTE.up` / `PALETTE.down` at
 * +-`fullScalePercent` and beyond.
 */
export function changeColor(changePercent: number | null, fullScalePercent = 3): string {
  const grey = parseHexColor('#d0d7de');
  if (changePercent === null || !Number.isFinite(changePercent)) return toHexColor(grey);
  const share = Math.min(1, Math.abs(changePercent) / fullScalePercent);
  const end = parseHexColor(changePercent >= 0 ? PALETTE.up : PALETTE.down);
  return toHexColor(mix(grey, end, share));
}
