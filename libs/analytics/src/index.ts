export { AnalyticsInputError } from './lib/analytics-input-error';
export { DateOutsideDataError, resolveAsOfDate } from './lib/as-of-date/resolve-as-of-date';
export type { AsOfDate, DataRange } from './lib/as-of-date/resolve-as-of-date';
export { RETURN_DECIMAL_PLACES } from './lib/performance/performance.types';
export type {
  Distribution,
  PerformanceInput,
  PerformancePoint,
  PortfolioDay,
  Trade,
} from './lib/performance/performance.types';
export { performanceSeries } from './lib/performance/performance-series';
export { attributePeriod } from './lib/attribution/attribute-period';
export type {
  AttributedPosition,
  PeriodCorporateAction,
  PeriodInputs,
  PeriodPosition,
} from './lib/attribution/attribute-period';
