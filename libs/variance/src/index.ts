export type {
  CorporateAction,
  PortfolioVarianceSummary,
  PositionAttribution,
  PositionAttributionInput,
  PositionSnapshot,
} from './lib/attribution.types';
export type { DecimalInput } from './lib/decimal-input';
export { attributePosition } from './lib/attribute-position';
export { toCents } from './lib/to-cents';
export { amountsInCents, VARIANCE_AMOUNT_COLUMNS } from './lib/amounts-in-cents';
export type { VarianceAmountColumn } from './lib/amounts-in-cents';
export { marketValueUsd } from './lib/market-value-usd';
export { weightsSummingToOne } from './lib/weights-summing-to-one';
export { rankTopMovers } from './lib/rank-top-movers';
export { summarisePortfolio } from './lib/summarise-portfolio';
export { VarianceInputError } from './lib/variance-input-error';
export { corporateActionOf } from './lib/corporate-action-of';
export { rollAverageCost } from './lib/roll-average-cost';
export { ExactDecimal, ROUNDING_MODE, roundToCents } from './lib/exact-decimal';
