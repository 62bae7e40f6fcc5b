import type { RatingAction } from '@securities/vocabulary';
import {
  addDays,
  createRandomSource,
  IsoDate,
  RandomSource,
  RatingAgencyName,
  shiftNotch,
} from '@securities/market-sim';
import { RatedIssuer } from '../universe/universe-model';
import { randomBusinessDay } from '../draws';

export interface RatingEvent {
  issuerId: string;
  agency: RatingAgencyName;
  action: RatingAction;
  /** The rating after the action, as a notch (0 = AAA). */
  notch: number;
  date: IsoDate;
}

const INITIAL_RATING_DATES: readonly [IsoDate, IsoDate] = ['2015-01-05', '2020-12-31'];
const LAST_ACTION_BEFORE_PERIOD_1 = '2024-12-13';
const ACTION_WEIGHTS: readonly [RatingAction, number][] = [
  ['UPGRADE', 0.3],
  ['DOWNGRADE', 0.25],
  ['AFFIRM', 0.45],
];
const TWO_NOTCH_SHARE = 0.2;

function drawAction(random: RandomSource): RatingAction {
  let draw = random.nextFloat();
  return (ACTION_WEIGHTS.find(([, weight]) => (draw -= weight) < 0) ?? ACTION_WEIGHTS[0])[0];
}

/** Distinct business days after `from` up to `to`, ascending. */
function actionDates(random: RandomSource, from: IsoDate, to: IsoDate, count: number): IsoDate[] {
  const dates = new Set<IsoDate>();
  while (dates.size < count) dates.add(randomBusinessDay(random, from, to));
  return [...dates].sort();
}

/**
 * One issuer's rating history, built backwards from its rating on period 1 so the history lands
 * exactly there: an upgrade to notch n means it was rated worse before, and so on back to the
 * initial rating. The action planned for the period follows.
 */
function issuerHistory(random: RandomSource, issuer: RatedIssuer): RatingEvent[] {
  const initialDate = randomBusinessDay(random, ...INITIAL_RATING_DATES);
  const dates = actionDates(
    random,
    addDays(initialDate, 180),
    LAST_ACTION_BEFORE_PERIOD_1,
    issuer.actionsBeforePeriod1,
  );
  const event = (action: RatingAction, notch: number, date: IsoDate): RatingEvent => ({
    issuerId: issuer.issuerId,
    agency: issuer.agency,
    action,
    notch,
    date,
  });

  const laterEvents: RatingEvent[] = [];
  let notch = issuer.notchAtPeriod1;
  for (const date of [...dates].reverse()) {
    const action = drawAction(random);
    const size = random.nextBoolean(TWO_NOTCH_SHARE) ? 2 : 1;
    // Before an upgrade the issuer was rated worse (a higher notch), before a downgrade better.
    const before =
      action === 'AFFIRM' ? notch : shiftNotch(notch, action === 'UPGRADE' ? size : -size);
    laterEvents.unshift(event(before === notch ? 'AFFIRM' : action, notch, date));
    notch = before;
  }
  const history = [event('INITIAL', notch, initialDate), ...laterEvents];

  const planned = issuer.inPeriodAction;
  if (planned) {
    const change = planned.action === 'DOWNGRADE' ? planned.notches : -planned.notches;
    history.push(event(planned.action, shiftNotch(issuer.notchAtPeriod1, change), planned.date));
  }
  return history;
}

/**
 * Every rated issuer's history, issuer by issuer, oldest first, drawn from its own random stream
 * ('ratings' for the base set; a grown universe names another, so no other draw moves).
 */
export function buildRatingHistory(
  seed: number,
  ratedIssuers: readonly RatedIssuer[],
  stream = 'ratings',
): RatingEvent[] {
  const random = createRandomSource(seed, stream);
  return ratedIssuers.flatMap((issuer) => issuerHistory(random, issuer));
}

/** The issuer's rating notch in force on a date: that of its last action on or before it. */
export function notchOn(history: readonly RatingEvent[], issuerId: string, date: IsoDate): number {
  const known = history.filter((event) => event.issuerId === issuerId && event.date <= date);
  const last = known[known.length - 1];
  if (!last) throw new Error(`${issuerId} has no rating on ${date}`);
  return last.notch;
}
