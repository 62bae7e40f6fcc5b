/**
 * The stylized facts the realism report measures, each with the range real markets show and
 * where that is documented. Targets are for the median across equities unless said.
 */

export const CONT_2001 =
  'R. Cont, "Empirical properties of asset returns: stylized facts and statistical issues", Quantitative Finance 1 (2001)';

export const REALISM_SOURCES = {
  cont: CONT_2001,
  karpoff:
    'J. Karpoff, "The relation between price changes and trading volume: a survey", JFQA 22 (1987)',
  woodMcInishOrd:
    'R. Wood, T. McInish, J. Ord, "An investigation of transactions data for NYSE stocks", Journal of Finance 40 (1985)',
  mcInishWood:
    'T. McInish, R. Wood, "An analysis of intraday patterns in bid/ask spreads for NYSE stocks", Journal of Finance 47 (1992)',
  king: 'B. King, "Market and industry factors in stock price behavior", Journal of Business 39 (1966)',
} as const;

export type RealismSource = keyof typeof REALISM_SOURCES;

/** A per-security statistic the report computes in SQL, one value per security. */
export type SecurityFact =
  | 'kurtosis_1d'
  | 'return_acf1'
  | 'abs_acf1'
  | 'abs_acf20'
  | 'leverage'
  | 'volume_abs'
  | 'kurtosis_20s'
  | 'kurtosis_1m'
  | 'kurtosis_1h'
  | 'volume_open'
  | 'volume_close'
  | 'volatility_open'
  | 'volatility_close'
  | 'spread_open';

export interface Range {
  /** Exclusive bounds; undefined for an open end. */
  above?: number;
  below?: number;
}

export interface FactDefinition {
  fact: SecurityFact;
  label: string;
  /** What real markets show, as a range on the median across equities. */
  target: Range;
  source: RealismSource;
}

export const SECURITY_FACTS: readonly FactDefinition[] = [
  {
    fact: 'kurtosis_1d',
    label: 'daily returns: excess kurtosis',
    target: { above: 3, below: 10 },
    source: 'cont',
  },
  {
    fact: 'return_acf1',
    label: 'lag-1 autocorrelation of returns',
    target: { above: -0.05, below: 0.05 },
    source: 'cont',
  },
  {
    fact: 'abs_acf1',
    label: 'lag-1 autocorrelation of |returns|',
    target: { above: 0.1, below: 0.35 },
    source: 'cont',
  },
  {
    fact: 'abs_acf20',
    label: 'lag-20 autocorrelation of |returns|',
    target: { above: 0.03 },
    source: 'cont',
  },
  {
    fact: 'leverage',
    label: 'leverage: corr(r today, |r| tomorrow)',
    target: { below: -0.05 },
    source: 'cont',
  },
  {
    fact: 'volume_abs',
    label: 'corr(daily volume, |return|)',
    target: { above: 0.3 },
    source: 'karpoff',
  },
  {
    fact: 'kurtosis_20s',
    label: '20-second returns: excess kurtosis',
    target: { above: 5 },
    source: 'cont',
  },
  { fact: 'kurtosis_1m', label: '1-minute returns: excess kurtosis', target: {}, source: 'cont' },
  { fact: 'kurtosis_1h', label: '1-hour returns: excess kurtosis', target: {}, source: 'cont' },
  {
    fact: 'volume_open',
    label: 'volume, first half hour / midday',
    target: { above: 1 },
    source: 'woodMcInishOrd',
  },
  {
    fact: 'volume_close',
    label: 'volume, last half hour / midday',
    target: { above: 1 },
    source: 'woodMcInishOrd',
  },
  {
    fact: 'volatility_open',
    label: 'volatility, first half hour / midday',
    target: { above: 1 },
    source: 'woodMcInishOrd',
  },
  {
    fact: 'volatility_close',
    label: 'volatility, last half hour / midday',
    target: { above: 1 },
    source: 'woodMcInishOrd',
  },
  {
    fact: 'spread_open',
    label: 'spread, first half hour / midday',
    target: { above: 1.3 },
    source: 'mcInishWood',
  },
];

/** Kurtosis falls as returns aggregate: 20 s > 1 min > 1 h > 1 day (aggregational Gaussianity). */
export const AGGREGATION_LADDER: readonly SecurityFact[] = [
  'kurtosis_20s',
  'kurtosis_1m',
  'kurtosis_1h',
  'kurtosis_1d',
];

export function inRange(value: number, range: Range): boolean {
  return (
    (range.above === undefined || value > range.above) &&
    (range.below === undefined || value < range.below)
  );
}

export function formatRange(range: Range): string {
  if (range.above !== undefined && range.below !== undefined) {
    return range.above === -range.below
      ? `within ±${range.below}`
      : `${range.above} to ${range.below}`;
  }
  if (range.above !== undefined) return `above ${range.above}`;
  if (range.below !== undefined) return `below ${range.below}`;
  return '';
}
