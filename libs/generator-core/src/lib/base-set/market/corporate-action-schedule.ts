import {
  addBusinessDays,
  addDays,
  couponDatesBetween,
  CountryCode,
  IsoDate,
  nextBusinessDay,
  previousBusinessDay,
  RandomSource,
  rollToBusinessDay,
} from '@securities/market-sim';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { SCENARIOS } from '../scenarios';
import { SecurityModel } from '../universe/universe-model';
import { randomBusinessDay } from '../draws';
import { CorporateActionEvent } from './market-model';

/** Redemption at par: the amount a MATURITY action pays per 100 nominal. */
const REDEMPTION_PER_100 = 100;
const SPLIT_EX_WINDOW: readonly [IsoDate, IsoDate] = ['2025-01-21', '2025-03-14'];
/** A forward split's record date comes a week before, its shares are paid the day before ex. */
const SPLIT_RECORD_LEAD_DAYS = 5;

interface DividendHabit {
  exWindow: readonly [IsoDate, IsoDate];
  /** This dividend as a fraction of the share price. */
  yield: readonly [number, number];
  /** Calendar days from ex-date to payment. */
  paymentLag: readonly [number, number];
}

/**
 * When and how much each market's companies pay in the first quarter: US quarterly dividends,
 * UK and Australian interims, and Japan's year-end dividend, whose record date is 31 March (so it
 * goes ex on the 28th) and which is paid in June.
 */
const DIVIDEND_HABITS: Partial<Record<CountryCode, DividendHabit>> & { US: DividendHabit } = {
  US: { exWindow: ['2025-01-08', '2025-03-20'], yield: [0.004, 0.009], paymentLag: [14, 28] },
  GB: { exWindow: ['2025-02-13', '2025-03-20'], yield: [0.012, 0.022], paymentLag: [21, 35] },
  JP: { exWindow: ['2025-03-28', '2025-03-28'], yield: [0.01, 0.016], paymentLag: [80, 90] },
  AU: { exWindow: ['2025-02-17', '2025-03-14'], yield: [0.015, 0.025], paymentLag: [20, 35] },
};

export interface DividendPlan {
  securityId: string;
  exDate: IsoDate;
  recordDate: IsoDate;
  paymentDate: IsoDate;
  /** Dividend as a fraction of the close before the ex-date; the amount follows from the price. */
  yield: number;
}

export function planSplit(random: RandomSource): CorporateActionEvent {
  const exDate = randomBusinessDay(random, ...SPLIT_EX_WINDOW);
  return {
    securityId: SCENARIOS.stockSplit.securityId,
    type: 'STOCK_SPLIT',
    exDate,
    recordDate: addBusinessDays(exDate, -SPLIT_RECORD_LEAD_DAYS),
    paymentDate: previousBusinessDay(exDate),
    ratio: SCENARIOS.stockSplit.ratio,
    amount: null,
  };
}

export function planDividends(
  random: RandomSource,
  securities: ReadonlyMap<string, SecurityModel>,
  countryOf: (security: SecurityModel) => CountryCode,
): DividendPlan[] {
  return SCENARIOS.dividendPayers.map((securityId) => {
    const security = securities.get(securityId);
    if (!security) throw new Error(`dividend payer ${securityId} is not in the universe`);
    const habit = DIVIDEND_HABITS[countryOf(security)] ?? DIVIDEND_HABITS.US;
    const exDate = randomBusinessDay(random, ...habit.exWindow);
    return {
      securityId,
      exDate,
      recordDate: nextBusinessDay(exDate),
      paymentDate: rollToBusinessDay(addDays(exDate, random.nextInt(...habit.paymentLag))),
      yield: random.nextBetween(...habit.yield),
    };
  });
}

/**
 * The coupons every bond pays in the period, and the redemption of any bond that matures in it.
 * A bond goes ex-coupon on the record date, the business day before payment.
 */
export function bondCashFlowActions(bonds: readonly SecurityModel[]): CorporateActionEvent[] {
  return bonds.flatMap((security) => {
    if (security.pricing.kind !== 'bond') return [];
    const { bond } = security.pricing;
    const coupons = couponDatesBetween(bond, PERIOD_1, PERIOD_2).map(
      (date): CorporateActionEvent => {
        const paymentDate = rollToBusinessDay(date);
        const recordDate = previousBusinessDay(paymentDate);
        return {
          securityId: security.securityId,
          type: 'COUPON',
          exDate: recordDate,
          recordDate,
          paymentDate,
          ratio: null,
          amount: (100 * bond.couponRate) / bond.couponsPerYear,
        };
      },
    );
    const matures = bond.maturityDate > PERIOD_1 && bond.maturityDate <= PERIOD_2;
    const redemption: CorporateActionEvent[] = matures
      ? [
          {
            securityId: security.securityId,
            type: 'MATURITY',
            exDate: bond.maturityDate,
            recordDate: previousBusinessDay(bond.maturityDate),
            paymentDate: bond.maturityDate,
            ratio: null,
            amount: REDEMPTION_PER_100,
          },
        ]
      : [];
    return [...coupons, ...redemption];
  });
}
