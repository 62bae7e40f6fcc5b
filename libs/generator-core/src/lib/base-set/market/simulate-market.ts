import {
  blackScholes,
  bondYield,
  businessDaysBetween,
  cleanPrice,
  createRandomSource,
  CURRENCIES,
  CurrencyCode,
  EquityProcess,
  IsoDate,
  NON_BASE_CURRENCIES,
  PAR,
  pinPathEnd,
  RandomSource,
  riskFreeYield,
  simulateArithmeticWalk,
  simulateEquityPaths,
  simulateFxPath,
  yearsBetween,
} from '@securities/market-sim';
import { PERIOD_1, PERIOD_2 } from '../base-set-counts';
import { SCENARIOS } from '../scenarios';
import { IssuerModel, SecurityModel, Universe } from '../universe/universe-model';
import { roundTo } from '../draws';
import {
  bondCashFlowActions,
  DividendPlan,
  planDividends,
  planSplit,
} from './corporate-action-schedule';
import { notchOn, RatingEvent } from './credit-history';
import { CorporateActionEvent, Market } from './market-model';
import {
  RATE_DAILY_VOLATILITY,
  SPREAD_DAILY_VOLATILITY,
  TAIL_DEGREES_OF_FREEDOM,
  TRADING_DAYS_PER_YEAR,
} from './market-parameters';

/** The day before period 1, so period 1's bar has a previous close to open from. */
const MARKET_START = '2024-12-30';
/** Where each FX path starts, around its reference level. */
const FX_START_DISPERSION = 0.01;
/** FX rates are quoted to 6 significant digits, and the column keeps 8 decimals. */
const FX_SIGNIFICANT_DIGITS = 6;
const FX_DECIMALS = 8;
/** The smallest option premium that still trades. */
const MIN_OPTION_PRICE = 0.01;
/** A shock's jump is most of its move; the path drifts the rest of the way. */
const SHOCK_JUMP_SHARE: readonly [number, number] = [0.75, 0.9];
/** Shock days stay a week clear of either end, so each period's bar is an ordinary day. */
const SHOCK_DAY_MARGIN = 6;

/** Stored precision of an FX rate. */
function quoteFxRate(rate: number): number {
  return roundTo(Number(rate.toPrecision(FX_SIGNIFICANT_DIGITS)), FX_DECIMALS);
}

function onGrid(price: number, decimals: number): number {
  return Math.max(Math.pow(10, -decimals), roundTo(price, decimals));
}

function processOf(security: SecurityModel): EquityProcess | undefined {
  return security.pricing.kind === 'gbm' || security.pricing.kind === 'nav'
    ? security.pricing.process
    : undefined;
}

/** Scales a path by `factor` from day `from` on (a split, a dividend, a jump). */
function scaleFrom(path: readonly number[], from: number, factor: number): number[] {
  return path.map((value, i) => (i >= from ? value * factor : value));
}

function simulateFx(
  random: RandomSource,
  days: readonly IsoDate[],
  period1: number,
): Map<CurrencyCode, number[]> {
  const options = {
    steps: days.length - 1,
    dtYears: 1 / TRADING_DAYS_PER_YEAR,
    tailDegreesOfFreedom: TAIL_DEGREES_OF_FREEDOM,
  };
  const fx = new Map<CurrencyCode, number[]>([['USD', days.map(() => 1)]]);
  for (const currency of NON_BASE_CURRENCIES) {
    const profile = CURRENCIES[currency];
    const start = profile.usdPerUnit * Math.exp(FX_START_DISPERSION * random.nextNormal());
    let path = simulateFxPath(start, profile.annualVolatility, options, random);
    if (SCENARIOS.fxMoves.currencies.includes(currency)) {
      const size = random.nextBetween(...SCENARIOS.fxMoves.size);
      path = pinPathEnd(path, 1 + (random.nextBoolean(0.5) ? size : -size), period1);
    }
    fx.set(currency, path.map(quoteFxRate));
  }
  return fx;
}

/** Shares, ETFs, futures and the fund: one correlated run, then the scenarios' events on top. */
function simulateGbmCloses(
  random: RandomSource,
  securities: readonly SecurityModel[],
  days: readonly IsoDate[],
  period1: number,
  split: CorporateActionEvent,
  dividends: readonly DividendPlan[],
): { closes: Map<string, number[]>; dividendActions: CorporateActionEvent[] } {
  const modelled = securities.filter((security) => processOf(security));
  const paths = simulateEquityPaths(
    modelled.map((security) => processOf(security) as EquityProcess),
    {
      steps: days.length - 1,
      dtYears: 1 / TRADING_DAYS_PER_YEAR,
      tailDegreesOfFreedom: TAIL_DEGREES_OF_FREEDOM,
    },
    random,
  );
  const rawPaths = new Map(modelled.map((security, i) => [security.securityId, paths[i]]));

  for (const shock of SCENARIOS.priceShocks) {
    const move = random.nextBetween(...shock.move);
    const day = random.nextInt(period1 + SHOCK_DAY_MARGIN, days.length - 1 - SHOCK_DAY_MARGIN);
    const jumped = scaleFrom(
      rawPaths.get(shock.securityId) ?? [],
      day,
      1 + move * random.nextBetween(...SHOCK_JUMP_SHARE),
    );
    rawPaths.set(shock.securityId, pinPathEnd(jumped, 1 + move, period1));
  }

  const splitPath = rawPaths.get(split.securityId) ?? [];
  rawPaths.set(
    split.securityId,
    scaleFrom(splitPath, days.indexOf(split.exDate), 1 / (split.ratio ?? 1)),
  );

  const bySecurity = new Map(modelled.map((security) => [security.securityId, security]));
  const dividendActions = dividends.map((plan): CorporateActionEvent => {
    const path = rawPaths.get(plan.securityId) ?? [];
    const decimals = bySecurity.get(plan.securityId)?.priceDecimals ?? 2;
    const exDay = days.indexOf(plan.exDate);
    const amount = onGrid(path[exDay - 1] * plan.yield, decimals);
    // The share goes ex: it is worth the dividend less from that morning on.
    rawPaths.set(plan.securityId, scaleFrom(path, exDay, 1 - amount / path[exDay - 1]));
    return {
      securityId: plan.securityId,
      type: 'DIVIDEND',
      exDate: plan.exDate,
      recordDate: plan.recordDate,
      paymentDate: plan.paymentDate,
      ratio: null,
      amount,
    };
  });

  const closes = new Map(
    modelled.map((security) => [
      security.securityId,
      (rawPaths.get(security.securityId) ?? []).map((price) =>
        onGrid(price, security.priceDecimals),
      ),
    ]),
  );
  return { closes, dividendActions };
}

/**
 * Bonds and notes priced every day from a yield: the currency's curve (a random walk in its level)
 * + the spread of the issuer's rating that day + the bond's own spread (another walk), and for the
 * issuer downgraded in the period, the market's extra widening from the day of the news.
 */
function simulateBonds(
  random: RandomSource,
  securities: readonly SecurityModel[],
  days: readonly IsoDate[],
  ratings: readonly RatingEvent[],
): { closes: Map<string, number[]>; yields: Map<string, number[]> } {
  const walkOptions = { steps: days.length - 1, tailDegreesOfFreedom: TAIL_DEGREES_OF_FREEDOM };
  const levelShifts = new Map(
    [...new Set(securities.map((security) => security.currency))]
      .sort()
      .map((currency) => [
        currency,
        simulateArithmeticWalk(0, RATE_DAILY_VOLATILITY, walkOptions, random),
      ]),
  );
  const downgrades = ratings.filter(
    (event) => event.action === 'DOWNGRADE' && event.date > PERIOD_1 && event.date <= PERIOD_2,
  );
  const closes = new Map<string, number[]>();
  const yields = new Map<string, number[]>();
  for (const security of securities) {
    if (security.pricing.kind !== 'bond') continue;
    const { bond, ratedIssuerId, extraSpread } = security.pricing;
    const ownSpread = simulateArithmeticWalk(
      extraSpread,
      SPREAD_DAILY_VOLATILITY,
      walkOptions,
      random,
    );
    const news = downgrades.find((event) => event.issuerId === ratedIssuerId);
    const dailyYields = days.map((date, i) =>
      bondYield({
        currency: security.currency,
        yearsToMaturity: yearsBetween(date, bond.maturityDate),
        ratingNotch: notchOn(ratings, ratedIssuerId, date),
        levelShift: levelShifts.get(security.currency)?.[i] ?? 0,
        extraSpread:
          ownSpread[i] + (news && date >= news.date ? SCENARIOS.downgrade.extraSpreadWidening : 0),
      }),
    );
    yields.set(security.securityId, dailyYields);
    // From its maturity date on, a bond is worth its redemption price: par.
    closes.set(
      security.securityId,
      days.map((date, i) =>
        date >= bond.maturityDate
          ? PAR
          : onGrid(cleanPrice(bond, date, dailyYields[i]), security.priceDecimals),
      ),
    );
  }
  return { closes, yields };
}

function simulateOptions(
  securities: readonly SecurityModel[],
  days: readonly IsoDate[],
  closes: ReadonlyMap<string, number[]>,
  byId: ReadonlyMap<string, SecurityModel>,
): Map<string, number[]> {
  const optionCloses = new Map<string, number[]>();
  for (const security of securities) {
    if (security.pricing.kind !== 'option' || !security.maturityDate) continue;
    const { underlyingId, optionKind, strike } = security.pricing;
    const underlying = byId.get(underlyingId);
    const process = underlying && processOf(underlying);
    if (!process) throw new Error(`option ${security.securityId} has no share underlying`);
    const expiry = security.maturityDate;
    const spots = closes.get(underlyingId) ?? [];
    optionCloses.set(
      security.securityId,
      days.map((date, i) => {
        const years = yearsBetween(date, expiry);
        const { price } = blackScholes({
          kind: optionKind,
          spot: spots[i],
          strike,
          years,
          rate: riskFreeYield('USD', years),
          volatility: process.annualVolatility,
        });
        return Math.max(MIN_OPTION_PRICE, roundTo(price, security.priceDecimals));
      }),
    );
  }
  return optionCloses;
}

/** Every daily close, FX rate and bond yield of the base set, and the corporate actions behind them. */
export function simulateMarket(
  seed: number,
  universe: Universe,
  ratings: readonly RatingEvent[],
): Market {
  const random = createRandomSource(seed, 'market');
  const actionsRandom = createRandomSource(seed, 'corporate-actions');
  const days = businessDaysBetween(MARKET_START, PERIOD_2);
  const period1 = days.indexOf(PERIOD_1);
  const dayIndex = new Map(days.map((date, i) => [date, i]));
  const byId = new Map(universe.securities.map((security) => [security.securityId, security]));
  const issuers = new Map<string, IssuerModel>(
    universe.issuers.map((issuer) => [issuer.issuerId, issuer]),
  );

  const split = planSplit(actionsRandom);
  const dividends = planDividends(actionsRandom, byId, (security) => {
    const issuer = issuers.get(security.issuerId);
    if (!issuer) throw new Error(`${security.securityId} has no issuer ${security.issuerId}`);
    return issuer.country;
  });

  const fx = simulateFx(random, days, period1);
  const gbm = simulateGbmCloses(random, universe.securities, days, period1, split, dividends);
  const bonds = simulateBonds(random, universe.securities, days, ratings);
  const closes = new Map([...gbm.closes, ...bonds.closes]);
  for (const [id, path] of simulateOptions(universe.securities, days, closes, byId))
    closes.set(id, path);

  const corporateActions = [
    split,
    ...gbm.dividendActions,
    ...bondCashFlowActions(universe.securities),
  ].sort(
    (a, b) =>
      a.securityId.localeCompare(b.securityId) ||
      a.exDate.localeCompare(b.exDate) ||
      a.type.localeCompare(b.type),
  );

  const indexOf = (date: IsoDate): number => {
    const index = dayIndex.get(date);
    if (index === undefined) throw new Error(`${date} is not a trading day of the base set`);
    return index;
  };
  const series = <K>(map: ReadonlyMap<K, number[]>, key: K, what: string): number[] => {
    const values = map.get(key);
    if (!values) throw new Error(`no ${what} for ${String(key)}`);
    return values;
  };
  return {
    days,
    close: (securityId, date) => series(closes, securityId, 'prices')[indexOf(date)],
    fxRate: (currency, date) => series(fx, currency, 'FX rates')[indexOf(date)],
    bondYield: (securityId, date) => series(bonds.yields, securityId, 'yields')[indexOf(date)],
    corporateActions,
  };
}
