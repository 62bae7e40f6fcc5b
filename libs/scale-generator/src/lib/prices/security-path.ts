import {
  blackScholes,
  bondYield,
  cleanPrice,
  correlatedShock,
  couponsPerYearIn,
  createRandomSource,
  CURRENCY_CODES,
  CurrencyCode,
  FixedRateBond,
  IsoDate,
  JumpModel,
  PAR,
  ratingNotchOn,
  RandomSource,
  riskFreeYield,
  simulateClusteredReturns,
  yearsBetween,
} from '@securities/market-sim';
import { PRICE_UNITS, UnitBar } from '../ticks/day-ticks';
import { MarketFactors, VolatilityRegime } from './market-factors';
import {
  INDEX_JUMPS,
  OVERNIGHT_SHARE,
  SECURITY_VOLATILITY,
  SHOCK_DEGREES_OF_FREEDOM,
  SINGLE_NAME_JUMPS,
  SPREAD_VOLATILITY_ELASTICITY,
  TRADING_DAYS_PER_YEAR,
  VOLUME_CALM,
  VOLUME_NOISE,
  VOLUME_VOLATILITY_ELASTICITY,
} from './process-parameters';

const DT_YEARS = 1 / TRADING_DAYS_PER_YEAR;
/** Daily standard deviation of a currency's yield-curve level (about 6 bp), in a calm regime. */
const CURVE_STEP = 0.0006;
/** Daily standard deviation of an issue's own spread. */
const SPREAD_STEP = 0.0002;
/** Session volatility of a bond's price, per day (the yield's moves are daily). */
const BOND_SESSION_VOLATILITY = 0.003;
/** The cheapest an option trades at. */
const MIN_OPTION_PRICE = 0.01;
/** An option's session volatility and jump are its elasticity times its underlying's, capped. */
const MAX_OPTION_SESSION_VOLATILITY = 0.25;
const MAX_OPTION_JUMP = 1;
/**
 * Options are valued at an implied volatility that follows the share's, smoothed: an exponential
 * average with RiskMetrics' daily decay, so the option moves with the share rather than with
 * day-to-day swings of its vega.
 */
const IMPLIED_VOLATILITY_DECAY = 0.94;
/** E|ε| of the unit-variance daily shock: the mean of (VOLUME_CALM + |ε|) is VOLUME_CALM + this. */
const MEAN_ABSOLUTE_SHOCK = 0.78;

export interface ScaleSecurity {
  securityId: string;
  securityType: string;
  currency: string;
  sector: string;
  issueDate: IsoDate;
  maturityDate: IsoDate | null;
  /** Percent, as in securities_master (4.25 for 4.25%). */
  couponRate: number | null;
  /** Bars the data must show on given dates (pricing_period_1/2 of base securities). */
  pinnedBars: ReadonlyMap<IsoDate, PinnedBar>;
  /**
   * Stock splits (corporate_actions): from the ex-date on, prices are divided by the ratio and
   * volumes multiplied by it.
   */
  splits: readonly { exDate: IsoDate; ratio: number }[];
  /** The issuer's ratings (credit_ratings), oldest first: bonds are priced from them. */
  ratings?: readonly { date: IsoDate; notch: number }[];
  /** An option's contract and underlying share, when the data has one. */
  option?: OptionContract;
}

export interface OptionContract {
  kind: 'call' | 'put';
  strike: number;
  underlying: ScaleSecurity;
}

export interface PinnedBar extends UnitBar {
  /** The pricing_period row's vwap, as text, so pricing_history repeats it exactly. */
  vwapText: string;
}

/** A security's daily path over the profile's days: prices in units (1e-4), and what each session needs. */
export interface SecurityPath {
  opens: Float64Array;
  closes: Float64Array;
  volumes: Float64Array;
  /** Standard deviation of each session's diffusive log move from the open to the close. */
  sigmas: Float32Array;
  /** Each session's jump in log price (0 on most days). */
  jumps: Float32Array;
  /** Each day's half spread at midday, as a fraction of the price. */
  halfSpreads: Float32Array;
  lot: number;
}

interface ProcessShape {
  kind: 'equity' | 'bond' | 'option';
  volatility: number;
  marketLoading: number;
  sectorLoading: number;
  jumps: JumpModel;
  initialPrice: number;
  dailyVolume: number;
  halfSpread: number;
  lot: number;
}

/**
 * A security's daily process before the data's anchors and splits, in the price of its first day.
 * The session of day t opens at close[t-1] x exp(gap[t]) and moves by a diffusive part of standard
 * deviation sigma[t] plus jump[t]; activity and spreadLevel scale its volume and spread (mean 1).
 */
interface DailyProcess {
  closes: Float64Array;
  gaps: Float64Array;
  sigmas: Float64Array;
  jumps: Float64Array;
  activity: Float64Array;
  spreadLevel: Float64Array;
}

/** Every security's path draws from its own stream: (seed, security id). */
export const securityStream = (seed: number, securityId: string): RandomSource =>
  createRandomSource(seed, `scale/security/${securityId}`);

function processShape(security: ScaleSecurity, random: RandomSource): ProcessShape {
  const lognormal = (median: number, spread: number) =>
    median * Math.exp(spread * random.nextNormal());
  switch (security.securityType) {
    case 'BOND':
    case 'CLO':
    case 'ABS':
      return {
        kind: 'bond',
        volatility: 0.05,
        marketLoading: 0,
        sectorLoading: 0,
        jumps: INDEX_JUMPS,
        initialPrice: PAR,
        dailyVolume: Math.round(lognormal(40_000, 0.5)),
        halfSpread: random.nextBetween(0.0005, 0.002),
        lot: 1_000,
      };
    case 'ETF':
    case 'FUND':
      return {
        kind: 'equity',
        volatility: random.nextBetween(0.12, 0.2),
        marketLoading: 0.9,
        sectorLoading: 0.2,
        jumps: INDEX_JUMPS,
        initialPrice: lognormal(80, 0.4),
        dailyVolume: Math.round(lognormal(2_000_000, 0.6)),
        halfSpread: random.nextBetween(0.00005, 0.0002),
        lot: 100,
      };
    case 'OPTION':
      return {
        kind: security.option ? 'option' : 'equity',
        volatility: random.nextBetween(0.6, 0.9),
        marketLoading: 0.5,
        sectorLoading: 0.3,
        jumps: SINGLE_NAME_JUMPS,
        initialPrice: lognormal(8, 0.6),
        dailyVolume: Math.round(lognormal(5_000, 0.7)),
        halfSpread: random.nextBetween(0.005, 0.02),
        lot: 1,
      };
    case 'FUTURE':
      // An index future: its sector's index, that is the market and sector factors, little else.
      return {
        kind: 'equity',
        volatility: random.nextBetween(0.15, 0.25),
        marketLoading: 0.75,
        sectorLoading: 0.6,
        jumps: INDEX_JUMPS,
        initialPrice: lognormal(2_000, 0.8),
        dailyVolume: Math.round(lognormal(100_000, 0.6)),
        halfSpread: random.nextBetween(0.00002, 0.0001),
        lot: 1,
      };
    default:
      return {
        kind: 'equity',
        volatility: random.nextBetween(0.2, 0.45),
        marketLoading: random.nextBetween(0.45, 0.6),
        sectorLoading: random.nextBetween(0.3, 0.45),
        jumps: SINGLE_NAME_JUMPS,
        initialPrice: lognormal(60, 0.9),
        dailyVolume: Math.round(lognormal(1_000_000, 0.9)),
        halfSpread: random.nextBetween(0.0001, 0.0008),
        lot: 100,
      };
  }
}

function asCurrency(currency: string): CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(currency)
    ? (currency as CurrencyCode)
    : 'USD';
}

/** Volume rises with the day's volatility and its absolute move (mean about 1). */
function activityOf(level: number, absoluteShock: number, random: RandomSource): number {
  return (
    (Math.pow(level, VOLUME_VOLATILITY_ELASTICITY) *
      (VOLUME_CALM + absoluteShock) *
      Math.exp(VOLUME_NOISE * random.nextNormal() - (VOLUME_NOISE * VOLUME_NOISE) / 2)) /
    (VOLUME_CALM + MEAN_ABSOLUTE_SHOCK)
  );
}

/**
 * Shares, funds and futures: log returns with clustered, mean-reverting volatility (own and the
 * market's regime), leverage and jumps, on shocks correlated with the market and the sector.
 */
function equityProcess(
  shape: ProcessShape,
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  random: RandomSource,
): DailyProcess {
  const sector = factors.sectors.get(security.sector);
  const shocks = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) {
    shocks[i] = correlatedShock(
      shape.marketLoading,
      shape.sectorLoading,
      factors.market[i],
      sector ? sector[i] : 0,
      random.nextStudentT(SHOCK_DEGREES_OF_FREEDOM),
    );
  }
  const dailyVolatility = shape.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
  const { logReturns, volatility, jumps } = simulateClusteredReturns(
    {
      shocks,
      dailyVolatility,
      dailyDrift: 0.06 * DT_YEARS,
      model: SECURITY_VOLATILITY,
      common: factors.marketVolatility,
      jumps: shape.jumps,
    },
    random,
  );
  const process = emptyProcess(days.length);
  const overnightNoise = Math.sqrt(OVERNIGHT_SHARE * (1 - OVERNIGHT_SHARE));
  let price = shape.initialPrice;
  for (let i = 0; i < days.length; i++) {
    price *= Math.exp(logReturns[i]);
    process.closes[i] = price;
    const sigma = volatility[i];
    // The overnight part of the day's diffusive move, independent of the session's part.
    process.gaps[i] = sigma * (OVERNIGHT_SHARE * shocks[i] + overnightNoise * random.nextNormal());
    process.sigmas[i] = sigma * Math.sqrt(1 - OVERNIGHT_SHARE);
    process.jumps[i] = jumps[i];
    const level = sigma / dailyVolatility;
    process.activity[i] = activityOf(level, Math.abs(logReturns[i]) / sigma, random);
    process.spreadLevel[i] = Math.pow(level, SPREAD_VOLATILITY_ELASTICITY);
  }
  return process;
}

function emptyProcess(days: number): DailyProcess {
  return {
    closes: new Float64Array(days),
    gaps: new Float64Array(days),
    sigmas: new Float64Array(days),
    jumps: new Float64Array(days),
    activity: new Float64Array(days),
    spreadLevel: new Float64Array(days),
  };
}

const regimeMultiplier = (regime: VolatilityRegime | undefined, day: number) =>
  regime ? Math.exp(regime.logVolatility[day] - regime.variance) : 1;

/**
 * Bonds are priced from a yield (the currency's curve, whose moves cluster, + the issuer's rating
 * spread + the issue's own spread) and pull to par.
 */
function bondProcess(
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  random: RandomSource,
): DailyProcess {
  const currency = asCurrency(security.currency);
  const curve = factors.curves.get(security.currency);
  const regime = factors.curveVolatility.get(security.currency);
  const process = emptyProcess(days.length);
  const maturity = security.maturityDate;
  const bond: FixedRateBond | undefined = maturity
    ? {
        couponRate: (security.couponRate ?? 5) / 100,
        couponsPerYear: couponsPerYearIn(security.currency),
        issueDate: security.issueDate < days[0] ? security.issueDate : '1990-01-01',
        maturityDate: maturity,
      }
    : undefined;
  const extraSpread = random.nextBetween(-0.003, 0.01);
  let level = 0;
  let ownSpread = 0;
  let absoluteReturns = 0;
  for (let i = 0; i < days.length; i++) {
    const multiplier = regimeMultiplier(regime, i);
    level += CURVE_STEP * multiplier * (curve ? curve[i] : 0);
    ownSpread += SPREAD_STEP * random.nextStudentT(SHOCK_DEGREES_OF_FREEDOM);
    const date = days[i];
    process.sigmas[i] = BOND_SESSION_VOLATILITY * multiplier;
    process.spreadLevel[i] = Math.pow(multiplier, SPREAD_VOLATILITY_ELASTICITY);
    process.gaps[i] = 0.25 * BOND_SESSION_VOLATILITY * multiplier * random.nextNormal();
    if (!bond || date >= bond.maturityDate) {
      process.closes[i] = PAR;
      continue;
    }
    const yieldRate = bondYield({
      currency,
      yearsToMaturity: yearsBetween(date, bond.maturityDate),
      ratingNotch: ratingNotchOn(security.ratings ?? [], date),
      levelShift: level,
      extraSpread: extraSpread + ownSpread,
    });
    process.closes[i] = Math.max(1, cleanPrice(bond, date, Math.max(-0.005, yieldRate)));
    if (i > 0) absoluteReturns += Math.abs(Math.log(process.closes[i] / process.closes[i - 1]));
  }
  const typicalMove = absoluteReturns / Math.max(1, days.length - 1) || 1;
  for (let i = 0; i < days.length; i++) {
    const move = i === 0 ? 0 : Math.abs(Math.log(process.closes[i] / process.closes[i - 1]));
    process.activity[i] = activityOf(
      regimeMultiplier(regime, i),
      (MEAN_ABSOLUTE_SHOCK * move) / typicalMove,
      random,
    );
  }
  return process;
}

/** An option's value on its underlying's price: Black-Scholes before expiry, intrinsic after. */
function optionValue(
  contract: OptionContract,
  spot: number,
  date: IsoDate,
  expiry: IsoDate | null,
  annualVolatility: number,
): {
  price: number;
  /** Signed: % change of the option per % change of the spot. */ elasticity: number;
} {
  const years = expiry ? yearsBetween(date, expiry) : 1;
  if (years <= 0) {
    const intrinsic =
      contract.kind === 'call'
        ? Math.max(0, spot - contract.strike)
        : Math.max(0, contract.strike - spot);
    const price = Math.max(MIN_OPTION_PRICE, intrinsic);
    const sign = contract.kind === 'call' ? 1 : -1;
    return { price, elasticity: intrinsic > 0 ? (sign * spot) / price : 0 };
  }
  const { price, delta } = blackScholes({
    kind: contract.kind,
    spot,
    strike: contract.strike,
    years,
    rate: riskFreeYield('USD', years),
    volatility: annualVolatility,
  });
  const floored = Math.max(MIN_OPTION_PRICE, price);
  return { price: floored, elasticity: price > MIN_OPTION_PRICE ? (delta * spot) / floored : 0 };
}

/**
 * An option follows its underlying share: each open and close is the option's value on the
 * share's open and close at an implied volatility that follows the share's (so the option's
 * volatility clusters with the share's); its session moves are the share's times the option's
 * elasticity.
 */
function optionProcess(
  security: ScaleSecurity,
  contract: OptionContract,
  days: readonly IsoDate[],
  factors: MarketFactors,
  seed: number,
): DailyProcess {
  const { underlying } = contract;
  const share = dailyProcess(underlying, days, factors, seed);
  const { closes: spotCloses, opens: spotOpens } = adjustedPrices(underlying, days, share.process);
  const process = emptyProcess(days.length);
  const dailyVolatility = (day: number) =>
    share.process.sigmas[day] / Math.sqrt(1 - OVERNIGHT_SHARE);
  let previousClose = 0;
  let implied = dailyVolatility(0);
  for (let i = 0; i < days.length; i++) {
    implied =
      IMPLIED_VOLATILITY_DECAY * implied + (1 - IMPLIED_VOLATILITY_DECAY) * dailyVolatility(i);
    const annualVolatility = implied * Math.sqrt(TRADING_DAYS_PER_YEAR);
    const close = optionValue(
      contract,
      spotCloses[i],
      days[i],
      security.maturityDate,
      annualVolatility,
    );
    const open = optionValue(
      contract,
      spotOpens[i],
      days[i],
      security.maturityDate,
      annualVolatility,
    );
    process.closes[i] = close.price;
    process.gaps[i] = i === 0 ? 0 : Math.log(open.price / previousClose);
    previousClose = close.price;
    const elasticity = (open.elasticity + close.elasticity) / 2;
    process.sigmas[i] = Math.min(
      MAX_OPTION_SESSION_VOLATILITY,
      Math.abs(elasticity) * share.process.sigmas[i],
    );
    process.jumps[i] = Math.max(
      -MAX_OPTION_JUMP,
      Math.min(MAX_OPTION_JUMP, elasticity * share.process.jumps[i]),
    );
    process.activity[i] = share.process.activity[i];
    process.spreadLevel[i] = share.process.spreadLevel[i];
  }
  return process;
}

function dailyProcess(
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  seed: number,
): { shape: ProcessShape; process: DailyProcess } {
  const random = securityStream(seed, security.securityId);
  const shape = processShape(security, random);
  const process =
    shape.kind === 'bond'
      ? bondProcess(security, days, factors, random)
      : shape.kind === 'option' && security.option
        ? optionProcess(security, security.option, days, factors, seed)
        : equityProcess(shape, security, days, factors, random);
  return { shape, process };
}

/** Each day's ratio of a quoted price to the split-adjusted one: the product of splits still to come. */
function splitFactors(security: ScaleSecurity, days: readonly IsoDate[]): number[] {
  return days.map((date) =>
    security.splits.reduce(
      (factor, split) => (split.exDate > date ? factor * split.ratio : factor),
      1,
    ),
  );
}

/**
 * Bends a path (in log terms, linearly between anchors, flat outside them) so that it passes
 * exactly through each anchor: how the base set's period closes appear in the five-year history.
 */
export function anchorPath(path: Float64Array, anchors: ReadonlyMap<number, number>): Float64Array {
  const points = [...anchors.entries()].sort(([a], [b]) => a - b);
  if (points.length === 0) return path;
  const corrections = points.map(([index, value]) => Math.log(value / path[index]));
  const anchored = new Float64Array(path.length);
  for (let i = 0; i < path.length; i++) {
    let correction: number;
    if (i <= points[0][0]) correction = corrections[0];
    else if (i >= points[points.length - 1][0]) correction = corrections[corrections.length - 1];
    else {
      let k = 0;
      while (points[k + 1][0] < i) k++;
      const [from] = points[k];
      const [to] = points[k + 1];
      const t = (i - from) / (to - from);
      correction = corrections[k] + t * (corrections[k + 1] - corrections[k]);
    }
    anchored[i] = path[i] * Math.exp(correction);
  }
  return anchored;
}

/** The base security's pinned closes as anchors and its pinned volumes, both split-adjusted. */
function pinnedAnchors(security: ScaleSecurity, days: readonly IsoDate[], split: number[]) {
  const anchors = new Map<number, number>();
  const volumes: number[] = [];
  days.forEach((date, index) => {
    const pinned = security.pinnedBars.get(date);
    if (pinned) {
      anchors.set(index, pinned.close / PRICE_UNITS / split[index]);
      volumes.push(pinned.volume * split[index]);
    }
  });
  if (anchors.size === 0 && security.pinnedBars.size > 0) {
    // The range misses the period dates: keep the base security's level all the same, adjusted
    // by the splits still to come on the day it was quoted (a split may fall in between).
    const [[quotedOn, first]] = security.pinnedBars;
    const [factor] = splitFactors(security, [quotedOn]);
    anchors.set(days.length - 1, first.close / PRICE_UNITS / factor);
    volumes.push(first.volume * factor);
  }
  return { anchors, volumes };
}

/** Split-adjusted closes through the pinned closes, and the opens that gap from them. */
function adjustedPrices(security: ScaleSecurity, days: readonly IsoDate[], process: DailyProcess) {
  const split = splitFactors(security, days);
  const closes = anchorPath(process.closes, pinnedAnchors(security, days, split).anchors);
  const opens = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) {
    opens[i] = (i === 0 ? closes[0] : closes[i - 1]) * Math.exp(process.gaps[i]);
  }
  return { closes, opens, split };
}

/**
 * A bond is redeemed at par on its maturity date and no longer trades (the base set's fixing bar):
 * the anchors' correction and the day's gap, session moves and volume do not apply to it.
 */
const isRedeemed = (shape: ProcessShape, security: ScaleSecurity, date: IsoDate) =>
  shape.kind === 'bond' && security.maturityDate !== null && date >= security.maturityDate;

/**
 * A security's days: closes from its process (equity-like returns with clustered volatility,
 * leverage and jumps; bond prices from yields and ratings; an option's value on its underlying),
 * passing through its pinned closes; opens gap from the previous close by the overnight part of
 * the day's move; volumes and spreads rise with the day's volatility and move. Prices and volumes
 * are in the shares of the day: before a split's ex-date, prices x ratio and volumes / ratio.
 * From its maturity date on, a bond's days are flat at par with no volume.
 */
export function simulateSecurityPath(
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  seed: number,
): SecurityPath {
  const { shape, process } = dailyProcess(security, days, factors, seed);
  const { closes: adjusted, opens: adjustedOpens, split } = adjustedPrices(security, days, process);
  const pinnedVolumes = pinnedAnchors(security, days, split).volumes;
  const typicalVolume =
    pinnedVolumes.length > 0
      ? pinnedVolumes.reduce((sum, volume) => sum + volume, 0) / pinnedVolumes.length
      : shape.dailyVolume;
  const path: SecurityPath = {
    opens: new Float64Array(days.length),
    closes: new Float64Array(days.length),
    volumes: new Float64Array(days.length),
    sigmas: Float32Array.from(process.sigmas),
    jumps: Float32Array.from(process.jumps),
    halfSpreads: Float32Array.from(process.spreadLevel, (level) => shape.halfSpread * level),
    lot: shape.lot,
  };
  for (let i = 0; i < days.length; i++) {
    if (isRedeemed(shape, security, days[i])) {
      // The base set's bar for a redeemed bond: par all day, nothing traded, nothing moving.
      path.opens[i] = path.closes[i] = PAR * PRICE_UNITS;
      path.volumes[i] = 0;
      path.sigmas[i] = 0;
      path.jumps[i] = 0;
      continue;
    }
    const factor = split[i] * PRICE_UNITS;
    path.closes[i] = Math.round(adjusted[i] * factor);
    path.opens[i] = Math.round(adjustedOpens[i] * factor);
    path.volumes[i] = Math.max(0, Math.round((typicalVolume * process.activity[i]) / split[i]));
  }
  return path;
}
