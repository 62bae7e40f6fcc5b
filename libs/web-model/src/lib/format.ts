/** Numbers as the pages write them (en-US, so screenshots and tests read the same everywhere). */

const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const price = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export const formatMoney = (amount: number): string => money.format(amount);
export const formatCompact = (amount: number): string => compact.format(amount);
export const formatInteger = (amount: number): string => integer.format(amount);
export const formatPrice = (amount: number): string => price.format(amount);

/** A signed amount: +1,234.50 / -1,234.50. */
export const formatSignedMoney = (amount: number): string =>
  `${amount > 0 ? '+' : ''}${money.format(amount)}`;

/** 0.0412 -> 4.12 %. */
export const formatWeight = (weight: number): string => `${(weight * 100).toFixed(2)} %`;

/** A change already in percent: +1.51 % / -0.20 %, or an en dash when there is none. */
export const formatChangePercent = (percent: number | null): string =>
  percent === null ? '\u2013' : `${percent > 0 ? '+' : ''}${percent.toFixed(2)} %`;
