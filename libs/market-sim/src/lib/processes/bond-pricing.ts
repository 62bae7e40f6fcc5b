import { addMonths, days30360, IsoDate } from '../calendar/iso-date';

/** Bond prices are quoted per 100 of nominal. */
export const PAR = 100;
const DAYS_PER_YEAR_30360 = 360;

export interface FixedRateBond {
  /** Annual coupon as a fraction of par (0.0425 for 4.25%). */
  couponRate: number;
  couponsPerYear: 1 | 2 | 4;
  issueDate: IsoDate;
  maturityDate: IsoDate;
}

/** Bonds in these currencies pay once a year, as eurobonds do; the rest twice. */
const ANNUAL_COUPON_CURRENCIES: ReadonlySet<string> = new Set(['EUR', 'CHF', 'SEK', 'NOK']);

/**
 * How often a fixed-rate bond in the currency pays: the one rule the base set issues its bonds by
 * and the scale set prices and accrues them by, so the two never disagree on a coupon date.
 */
export function couponsPerYearIn(currency: string): 1 | 2 {
  return ANNUAL_COUPON_CURRENCIES.has(currency) ? 1 : 2;
}

function monthsPerPeriod(bond: FixedRateBond): number {
  return 12 / bond.couponsPerYear;
}

/** Coupon per 100 nominal paid on each coupon date. */
export function couponPerPeriod(bond: FixedRateBond): number {
  return (PAR * bond.couponRate) / bond.couponsPerYear;
}

// Pricing a bond every day of five years asks for its schedule thousands of times.
const schedules = new WeakMap<FixedRateBond, readonly IsoDate[]>();

/**
 * Every coupon date after the issue date, ascending, the last being the maturity date. Dates are
 * counted back from maturity, so the schedule keeps the maturity's day of the month.
 */
export function couponDates(bond: FixedRateBond): readonly IsoDate[] {
  const cached = schedules.get(bond);
  if (cached) return cached;
  const dates: IsoDate[] = [];
  for (let period = 0; ; period++) {
    const date = addMonths(bond.maturityDate, -period * monthsPerPeriod(bond));
    if (date <= bond.issueDate) break;
    dates.unshift(date);
  }
  schedules.set(bond, dates);
  return dates;
}

/** The last coupon date on or before `date` (the issue date before the first coupon). */
export function previousCouponDate(bond: FixedRateBond, date: IsoDate): IsoDate {
  return (
    couponDates(bond)
      .filter((coupon) => coupon <= date)
      .pop() ?? bond.issueDate
  );
}

/** The first coupon date after `date`; a bond has none on or after its maturity. */
export function nextCouponDate(bond: FixedRateBond, date: IsoDate): IsoDate {
  const next = couponDates(bond).find((coupon) => coupon > date);
  if (!next) throw new RangeError(`the bond matured on ${bond.maturityDate}, before ${date}`);
  return next;
}

/** Coupon dates in (from, to]: the coupons a holder over that period receives. */
export function couponDatesBetween(bond: FixedRateBond, from: IsoDate, to: IsoDate): IsoDate[] {
  return couponDates(bond).filter((date) => date > from && date <= to);
}

/** Interest accrued since the last coupon, per 100 nominal, 30/360. */
export function accruedInterest(bond: FixedRateBond, settlement: IsoDate): number {
  if (settlement >= bond.maturityDate) return 0;
  const days = days30360(previousCouponDate(bond, settlement), settlement);
  return (PAR * bond.couponRate * days) / DAYS_PER_YEAR_30360;
}

interface DiscountedFlow {
  /** Time to the flow in coupon periods. */
  periods: number;
  presentValue: number;
}

function discountedFlows(
  bond: FixedRateBond,
  settlement: IsoDate,
  yieldRate: number,
): DiscountedFlow[] {
  const next = nextCouponDate(bond, settlement);
  const periodDays = DAYS_PER_YEAR_30360 / bond.couponsPerYear;
  const toNext = days30360(settlement, next) / periodDays;
  const perPeriodYield = yieldRate / bond.couponsPerYear;
  return couponDates(bond)
    .filter((date) => date >= next)
    .map((date, k) => {
      const periods = toNext + k;
      const flow = couponPerPeriod(bond) + (date === bond.maturityDate ? PAR : 0);
      return { periods, presentValue: flow / Math.pow(1 + perPeriodYield, periods) };
    });
}

/** Price including accrued interest, per 100, from a yield compounded at the coupon frequency. */
export function dirtyPrice(bond: FixedRateBond, settlement: IsoDate, yieldRate: number): number {
  return discountedFlows(bond, settlement, yieldRate).reduce(
    (sum, flow) => sum + flow.presentValue,
    0,
  );
}

/**
 * The quoted price per 100: discounted flows less accrued interest. As maturity nears, fewer flows
 * remain and the price pulls to par whatever the yield.
 */
export function cleanPrice(bond: FixedRateBond, settlement: IsoDate, yieldRate: number): number {
  return dirtyPrice(bond, settlement, yieldRate) - accruedInterest(bond, settlement);
}

/** Modified duration in years: the relative price change per unit change in yield. */
export function modifiedDuration(
  bond: FixedRateBond,
  settlement: IsoDate,
  yieldRate: number,
): number {
  const flows = discountedFlows(bond, settlement, yieldRate);
  const price = flows.reduce((sum, flow) => sum + flow.presentValue, 0);
  const macaulayYears =
    flows.reduce((sum, flow) => sum + flow.periods * flow.presentValue, 0) /
    price /
    bond.couponsPerYear;
  return macaulayYears / (1 + yieldRate / bond.couponsPerYear);
}

/** Convexity in years squared: the curvature of price against yield. */
export function convexity(bond: FixedRateBond, settlement: IsoDate, yieldRate: number): number {
  const flows = discountedFlows(bond, settlement, yieldRate);
  const price = flows.reduce((sum, flow) => sum + flow.presentValue, 0);
  const periodsSquared = flows.reduce(
    (sum, flow) => sum + flow.periods * (flow.periods + 1) * flow.presentValue,
    0,
  );
  const frequency = bond.couponsPerYear;
  return periodsSquared / price / (frequency * frequency * Math.pow(1 + yieldRate / frequency, 2));
}
