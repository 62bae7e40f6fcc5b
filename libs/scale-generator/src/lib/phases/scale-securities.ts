import { Queryable } from '@securities/database';
import { IsoDate, parseOptionName, ratingNotch } from '@securities/market-sim';
import { OptionContract, PinnedBar, ScaleSecurity } from '../prices/security-path';
import { PRICE_UNITS } from '../ticks/day-ticks';

interface SecurityRecord {
  security_id: string;
  security_type: string;
  security_name: string;
  issuer_id: string;
  currency: string;
  sector: string;
  issue_date: string;
  maturity_date: string | null;
  coupon_rate: string | null;
}

interface PeriodBarRecord {
  security_id: string;
  price_date: string;
  open_price: string;
  high_price: string;
  low_price: string;
  close_price: string;
  volume: string;
  vwap: string;
}

/** The `count` securities that get scale data: spread evenly over the universe, first and last included. */
export function pickEvenly<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  if (count === 1) return [items[0]];
  return Array.from(
    { length: count },
    (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))],
  );
}

const units = (text: string) => Math.round(Number(text) * PRICE_UNITS);

/** An option's contract from its name, on the first share of its issuer; none when the data has no such share. */
function optionContract(
  record: SecurityRecord,
  sharesByIssuer: ReadonlyMap<string, ScaleSecurity>,
): OptionContract | undefined {
  // Option names end in "<strike> Call" or "<strike> Put" (optionName, base set and grown alike).
  const terms = parseOptionName(record.security_name);
  const underlying = sharesByIssuer.get(record.issuer_id);
  if (!terms || !underlying) return undefined;
  return { ...terms, underlying };
}

/**
 * The `count` securities that get ticks and bars: the base set's first (the portfolios hold them),
 * then the grown universe's, spread evenly.
 */
export function pickScaleSecurities<T>(
  items: readonly T[],
  baseSecurities: number,
  count: number,
): T[] {
  const base = items.slice(0, baseSecurities);
  if (count <= base.length) return pickEvenly(base, count);
  return [...base, ...pickEvenly(items.slice(baseSecurities), count - base.length)];
}

/** The securities of the run with what their paths need, including the base set's period bars. */
export async function loadScaleSecurities(
  db: Queryable,
  count: number,
  baseSecurities: number,
): Promise<ScaleSecurity[]> {
  const securities = (await db.query(`
    SELECT s.security_id, s.security_type, s.security_name, s.issuer_id, s.currency, i.sector,
           s.issue_date, s.maturity_date, s.coupon_rate::text AS coupon_rate
    FROM securities_master s JOIN issuer i USING (issuer_id) ORDER BY s.security_id`)) as SecurityRecord[];
  const bars = (await db.query(`
    SELECT security_id, price_date, open_price::text, high_price::text, low_price::text,
           close_price::text, volume::text, vwap::text
    FROM pricing_period_1 UNION ALL
    SELECT security_id, price_date, open_price::text, high_price::text, low_price::text,
           close_price::text, volume::text, vwap::text
    FROM pricing_period_2`)) as PeriodBarRecord[];
  const splitRows = (await db.query(
    `SELECT security_id, ex_date, ratio::float8 AS ratio FROM corporate_actions
     WHERE action_type = 'STOCK_SPLIT' ORDER BY ex_date`,
  )) as { security_id: string; ex_date: string; ratio: number }[];
  const splits = new Map<string, { exDate: IsoDate; ratio: number }[]>();
  for (const split of splitRows) {
    splits.set(split.security_id, [
      ...(splits.get(split.security_id) ?? []),
      { exDate: split.ex_date, ratio: split.ratio },
    ]);
  }
  const ratingRows = (await db.query(
    `SELECT issuer_id, rating, rating_date FROM credit_ratings ORDER BY rating_date, rating_id`,
  )) as { issuer_id: string; rating: string; rating_date: string }[];
  const ratings = new Map<string, { date: IsoDate; notch: number }[]>();
  for (const row of ratingRows) {
    ratings.set(row.issuer_id, [
      ...(ratings.get(row.issuer_id) ?? []),
      { date: row.rating_date, notch: ratingNotch(row.rating) },
    ]);
  }
  const pinned = new Map<string, Map<IsoDate, PinnedBar>>();
  for (const bar of bars) {
    const bySecurity = pinned.get(bar.security_id) ?? new Map<IsoDate, PinnedBar>();
    bySecurity.set(bar.price_date, {
      open: units(bar.open_price),
      high: units(bar.high_price),
      low: units(bar.low_price),
      close: units(bar.close_price),
      volume: Number(bar.volume),
      vwapText: bar.vwap,
    });
    pinned.set(bar.security_id, bySecurity);
  }
  const scaleSecurity = (record: SecurityRecord): ScaleSecurity => ({
    securityId: record.security_id,
    securityType: record.security_type,
    currency: record.currency,
    sector: record.sector,
    issueDate: record.issue_date,
    maturityDate: record.maturity_date,
    couponRate: record.coupon_rate === null ? null : Number(record.coupon_rate),
    pinnedBars: pinned.get(record.security_id) ?? new Map(),
    splits: splits.get(record.security_id) ?? [],
    ratings: ratings.get(record.issuer_id) ?? [],
  });
  const sharesByIssuer = new Map<string, ScaleSecurity>();
  for (const record of securities) {
    if (record.security_type === 'EQUITY' && !sharesByIssuer.has(record.issuer_id)) {
      sharesByIssuer.set(record.issuer_id, scaleSecurity(record));
    }
  }
  return pickScaleSecurities(securities, baseSecurities, count).map((record) => {
    const security = scaleSecurity(record);
    if (record.security_type !== 'OPTION') return security;
    const option = optionContract(record, sharesByIssuer);
    return option ? { ...security, option } : security;
  });
}
