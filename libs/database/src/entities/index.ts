import { CorporateAction } from './corporate-action.entity';
import { CreditRating } from './credit-rating.entity';
import { FxRate } from './fx-rate.entity';
import { HoldingHistory } from './holding-history.entity';
import { HoldingPeriod1, HoldingPeriod2 } from './holding-period.entity';
import { Issuer } from './issuer.entity';
import { Portfolio } from './portfolio.entity';
import { PricingHistory } from './pricing-history.entity';
import { PricingPeriod1, PricingPeriod2 } from './pricing-period.entity';
import { RiskMetric } from './risk-metric.entity';
import { Security } from './security.entity';
import { Tick } from './tick.entity';
import { Transaction } from './transaction.entity';
import { VarianceQuarterly } from './variance-quarterly.entity';
import { VarianceSummary } from './variance-summary.entity';

export {
  CorporateAction,
  CreditRating,
  FxRate,
  HoldingHistory,
  HoldingPeriod1,
  HoldingPeriod2,
  Issuer,
  Portfolio,
  PricingHistory,
  PricingPeriod1,
  PricingPeriod2,
  RiskMetric,
  Security,
  Tick,
  Transaction,
  VarianceQuarterly,
  VarianceSummary,
};

/** The 13 core tables and 4 scale tables of the seed's section 7. */
export const ENTITIES = [
  Issuer,
  Security,
  Portfolio,
  HoldingPeriod1,
  HoldingPeriod2,
  PricingPeriod1,
  PricingPeriod2,
  Transaction,
  FxRate,
  CreditRating,
  CorporateAction,
  RiskMetric,
  VarianceSummary,
  PricingHistory,
  HoldingHistory,
  VarianceQuarterly,
  Tick,
];
