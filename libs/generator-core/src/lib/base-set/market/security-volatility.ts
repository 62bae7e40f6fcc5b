import { SecurityModel } from '../universe/universe-model';
import {
  BOND_DAILY_VOLATILITY,
  OPTION_DAILY_VOLATILITY,
  TRADING_DAYS_PER_YEAR,
} from './market-parameters';

/** Standard deviation of a security's daily return: how far a fill or a day's range strays. */
export function dailyVolatility(security: SecurityModel): number {
  switch (security.pricing.kind) {
    case 'gbm':
    case 'nav':
      return security.pricing.process.annualVolatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
    case 'bond':
      return BOND_DAILY_VOLATILITY;
    case 'option':
      return OPTION_DAILY_VOLATILITY;
  }
}
