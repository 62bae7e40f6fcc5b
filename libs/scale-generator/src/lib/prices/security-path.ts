import {
  bondYield,
  cleanPrice,
  correlatedShock,
  CURRENCY_CODES,
  CurrencyCode,
  FixedRateBond,
  gbmStep,
  IsoDate,
  PAR,
  RandomSource,
  yearsBetween,
} from '@securities/market-sim';
import { PRICE_UNITS, UnitBar } from '../ticks/day-ticks';
import { MarketFactors, TAIL_DEGREES_OF_FREEDOM } from './market-factors';

const TRADING_DAYS_PER_YEAR = 252;
const DT_YEARS = 1 / TRADING_DAYS_PER_YEAR;
/** Rating notch bonds of the grown universe are priced at (A-): the base set's own are similar. */
const DEFAULT_RATING_NOTCH = 6;
/** Daily standard deviation of a currency's yield-curve level (about 6 bp). */
const CURVE_STEP = 0.0006;
/** Daily standard deviation of an issue's own spread. */
const SPREAD_STEP = 0.0002;

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
  /** Stock splits (corporate_actions): from the ex-date on, prices are divided by the ratio. */
  splits: readonly { exDate: IsoDate; ratio: number }[];
}

export interface PinnedBar extends UnitBar {
  /** The pricing_period row's vwap, as text, so pricing_history repeats it exactly. */
  vwapText: string;
}

/** A security's daily path over the profile's days, in price units (1e-4). */
export interface SecurityPath {
  opens: Float64Array;
  closes: Float64Array;
  volumes: Float64Array;
  /** Standard deviation of one day's log price path. */
  intradaySigma: number;
  halfSpread: number;
  lot: number;
}

interface ProcessShape {
  kind: 'equity' | 'bond';
  volatility: number;
  marketLoading: number;
  sectorLoading: number;
  initialPrice: number;
  dailyVolume: number;
  halfSpread: number;
  lot: number;
}

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
        initialPrice: lognormal(80, 0.4),
        dailyVolume: Math.round(lognormal(2_000_000, 0.6)),
        halfSpread: random.nextBetween(0.00005, 0.0002),
        lot: 100,
      };
    case 'OPTION':
      return {
        kind: 'equity',
        volatility: random.nextBetween(0.6, 0.9),
        marketLoading: 0.5,
        sectorLoading: 0.3,
        initialPrice: lognormal(8, 0.6),
        dailyVolume: Math.round(lognormal(5_000, 0.7)),
        halfSpread: random.nextBetween(0.005, 0.02),
        lot: 1,
      };
    case 'FUTURE':
      return {
        kind: 'equity',
        volatility: random.nextBetween(0.15, 0.25),
        marketLoading: 0.85,
        sectorLoading: 0,
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

function equityCloses(
  shape: ProcessShape,
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  random: RandomSource,
): Float64Array {
  const sector = factors.sectors.get(security.sector);
  const closes = new Float64Array(days.length);
  let price = shape.initialPrice;
  for (let i = 0; i < days.length; i++) {
    const shock = correlatedShock(
      shape.marketLoading,
      shape.sectorLoading,
      factors.market[i],
      sector ? sector[i] : 0,
      random.nextStudentT(TAIL_DEGREES_OF_FREEDOM),
    );
    price = gbmStep(price, 0.06, shape.volatility, DT_YEARS, shock);
    closes[i] = price;
  }
  return closes;
}

/** Bonds are priced from a yield (curve + rating spread + own spread) and pull to par. */
function bondCloses(
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  random: RandomSource,
): Float64Array {
  const currency = asCurrency(security.currency);
  const curve = factors.curves.get(security.currency);
  const closes = new Float64Array(days.length);
  const maturity = security.maturityDate;
  const bond: FixedRateBond | undefined = maturity
    ? {
        couponRate: (security.couponRate ?? 5) / 100,
        couponsPerYear: 2,
        issueDate: security.issueDate < days[0] ? security.issueDate : '1990-01-01',
        maturityDate: maturity,
      }
    : undefined;
  const extraSpread = random.nextBetween(-0.003, 0.01);
  let level = 0;
  let ownSpread = 0;
  for (let i = 0; i < days.length; i++) {
    level += CURVE_STEP * (curve ? curve[i] : 0);
    ownSpread += SPREAD_STEP * random.nextStudentT(TAIL_DEGREES_OF_FREEDOM);
    const date = days[i];
    if (!bond || date >= bond.maturityDate) {
      closes[i] = PAR;
      continue;
    }
    const yieldRate = bondYield({
      currency,
      yearsToMaturity: yearsBetween(date, bond.maturityDate),
      ratingNotch: DEFAULT_RATING_NOTCH,
      levelShift: level,
      extraSpread: extraSpread + ownSpread,
    });
    closes[i] = Math.max(1, cleanPrice(bond, date, Math.max(-0.005, yieldRate)));
  }
  return closes;
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

/**
 * A security's days: closes from its process (equity-like GBM with market and sector factors and
 * fat tails, or bond prices from yields), passing through its pinned closes; opens gap a little
 * from the previous close; volumes vary around the security's typical size.
 */
export function simulateSecurityPath(
  security: ScaleSecurity,
  days: readonly IsoDate[],
  factors: MarketFactors,
  random: RandomSource,
): SecurityPath {
  const shape = processShape(security, random);
  const raw =
    shape.kind === 'bond'
      ? bondCloses(security, days, factors, random)
      : equityCloses(shape, security, days, factors, random);
  // The process runs in split-adjusted prices; a day's quoted price is adjusted x the ratios of
  // the splits still to come, so the price drops by the ratio on each ex-date.
  const splitFactor = days.map((date) =>
    security.splits.reduce(
      (factor, split) => (split.exDate > date ? factor * split.ratio : factor),
      1,
    ),
  );
  const anchors = new Map<number, number>();
  const pinnedVolumes: number[] = [];
  days.forEach((date, index) => {
    const pinned = security.pinnedBars.get(date);
    if (pinned) {
      anchors.set(index, pinned.close / PRICE_UNITS / splitFactor[index]);
      pinnedVolumes.push(pinned.volume);
    }
  });
  if (anchors.size === 0 && security.pinnedBars.size > 0) {
    // The range misses the period dates: keep the base security's level all the same.
    const [first] = [...security.pinnedBars.values()];
    anchors.set(days.length - 1, first.close / PRICE_UNITS / splitFactor[days.length - 1]);
    pinnedVolumes.push(first.volume);
  }
  const adjusted = anchorPath(raw, anchors);
  const typicalVolume =
    pinnedVolumes.length > 0
      ? pinnedVolumes.reduce((sum, volume) => sum + volume, 0) / pinnedVolumes.length
      : shape.dailyVolume;
  const dailySigma = shape.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
  const closes = new Float64Array(days.length);
  const opens = new Float64Array(days.length);
  const volumes = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) {
    const factor = splitFactor[i] * PRICE_UNITS;
    closes[i] = Math.round(adjusted[i] * factor);
    const previous = i === 0 ? adjusted[0] : adjusted[i - 1];
    opens[i] = Math.round(previous * factor * Math.exp(0.25 * dailySigma * random.nextNormal()));
    volumes[i] = Math.max(0, Math.round(typicalVolume * Math.exp(0.35 * random.nextNormal())));
  }
  return {
    opens,
    closes,
    volumes,
    intradaySigma: dailySigma,
    halfSpread: shape.halfSpread,
    lot: shape.lot,
  };
}
