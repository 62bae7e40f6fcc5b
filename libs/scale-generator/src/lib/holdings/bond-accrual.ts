import {
  couponsPerYearIn,
  days30360,
  FixedRateBond,
  IsoDate,
  previousCouponDate,
} from '@securities/market-sim';
import { QUOTED_PER_100_TYPES } from '@securities/vocabulary';
import { ScaleSecurity } from '../prices/security-path';

/**
 * The coupon bond a security is, for accrued interest; undefined for everything else. It pays as
 * often as the base set issued it (once a year in EUR, CHF, SEK, NOK), so the days accrued on the
 * base snapshot's date and on the days around it count from the same coupon.
 */
export function couponBond(security: ScaleSecurity): FixedRateBond | undefined {
  if (security.couponRate === null || !security.maturityDate) return undefined;
  if (!(QUOTED_PER_100_TYPES as readonly string[]).includes(security.securityType))
    return undefined;
  return {
    couponRate: security.couponRate / 100,
    couponsPerYear: couponsPerYearIn(security.currency),
    issueDate: security.issueDate,
    maturityDate: security.maturityDate,
  };
}

/** 30/360 days since the last coupon, for coupon bonds not yet matured; null for everything else. */
export function accrualDays(bond: FixedRateBond | undefined, date: IsoDate): number | null {
  if (!bond || date >= bond.maturityDate) return null;
  return days30360(previousCouponDate(bond, date), date);
}
