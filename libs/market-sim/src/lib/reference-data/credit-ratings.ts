import { IsoDate } from '../calendar/iso-date';

/** The three agencies of the schema's credit_ratings.agency. */
export const RATING_AGENCY_NAMES = ['S&P', "Moody's", 'Fitch'] as const;
export type RatingAgencyName = (typeof RATING_AGENCY_NAMES)[number];

interface RatingNotch {
  /** S&P and Fitch share a scale. */
  standard: string;
  moodys: string;
  /** Typical spread over the risk-free curve, in basis points. */
  spreadBp: number;
}

/** From the best (notch 0, AAA) down to CCC-; the data never contains a default. */
const NOTCHES: readonly RatingNotch[] = [
  { standard: 'AAA', moodys: 'Aaa', spreadBp: 30 },
  { standard: 'AA+', moodys: 'Aa1', spreadBp: 40 },
  { standard: 'AA', moodys: 'Aa2', spreadBp: 48 },
  { standard: 'AA-', moodys: 'Aa3', spreadBp: 55 },
  { standard: 'A+', moodys: 'A1', spreadBp: 65 },
  { standard: 'A', moodys: 'A2', spreadBp: 75 },
  { standard: 'A-', moodys: 'A3', spreadBp: 90 },
  { standard: 'BBB+', moodys: 'Baa1', spreadBp: 110 },
  { standard: 'BBB', moodys: 'Baa2', spreadBp: 130 },
  { standard: 'BBB-', moodys: 'Baa3', spreadBp: 160 },
  { standard: 'BB+', moodys: 'Ba1', spreadBp: 210 },
  { standard: 'BB', moodys: 'Ba2', spreadBp: 250 },
  { standard: 'BB-', moodys: 'Ba3', spreadBp: 300 },
  { standard: 'B+', moodys: 'B1', spreadBp: 360 },
  { standard: 'B', moodys: 'B2', spreadBp: 430 },
  { standard: 'B-', moodys: 'B3', spreadBp: 520 },
  { standard: 'CCC+', moodys: 'Caa1', spreadBp: 700 },
  { standard: 'CCC', moodys: 'Caa2', spreadBp: 900 },
  { standard: 'CCC-', moodys: 'Caa3', spreadBp: 1200 },
];

export const BEST_NOTCH = 0;
export const WORST_NOTCH = NOTCHES.length - 1;
/**
 * A- / A3: the rating an issuer without one in the data is priced at (every issuer of a generated
 * bond has one).
 */
export const UNRATED_ISSUER_NOTCH = 6;
/** BBB- / Baa3: the last investment-grade notch. */
export const LOWEST_INVESTMENT_GRADE_NOTCH = 9;

function notchAt(notch: number): RatingNotch {
  const found = NOTCHES[notch];
  if (!Number.isInteger(notch) || !found) {
    throw new RangeError(
      `a rating notch is an integer ${BEST_NOTCH}..${WORST_NOTCH}, got ${notch}`,
    );
  }
  return found;
}

/** The rating as the agency writes it: notch 8 is 'BBB' for S&P and Fitch, 'Baa2' for Moody's. */
export function ratingLabel(notch: number, agency: RatingAgencyName): string {
  const { standard, moodys } = notchAt(notch);
  return agency === "Moody's" ? moodys : standard;
}

/** The notch of a rating written in either scale; throws on anything else. */
export function ratingNotch(label: string): number {
  const notch = NOTCHES.findIndex(({ standard, moodys }) => standard === label || moodys === label);
  if (notch < 0) throw new RangeError(`not a rating: "${label}"`);
  return notch;
}

export function isInvestmentGrade(notch: number): boolean {
  notchAt(notch);
  return notch <= LOWEST_INVESTMENT_GRADE_NOTCH;
}

/** Credit spread of the notch as a fraction (130 bp -> 0.013). */
export function creditSpread(notch: number): number {
  return notchAt(notch).spreadBp / 10_000;
}

/**
 * The notch in force on a day, from an issuer's ratings (oldest first): the latest on or before
 * it, else the first, else UNRATED_ISSUER_NOTCH.
 */
export function ratingNotchOn(
  ratings: readonly { date: IsoDate; notch: number }[],
  date: IsoDate,
): number {
  let notch = ratings.length > 0 ? ratings[0].notch : UNRATED_ISSUER_NOTCH;
  for (const rating of ratings) {
    if (rating.date > date) break;
    notch = rating.notch;
  }
  return notch;
}

/** Moves a notch by `change` (positive = downgrade), kept on the scale. */
export function shiftNotch(notch: number, change: number): number {
  notchAt(notch);
  return Math.min(WORST_NOTCH, Math.max(BEST_NOTCH, notch + change));
}
