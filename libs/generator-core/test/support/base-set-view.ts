import Decimal from 'decimal.js';
import { buildBaseSet } from '../../src/lib/base-set/build-base-set';
import { BaseSetTables, CsvRow } from '../../src/lib/base-set/base-set-tables';

/** Seeds the coherence checks run on: the CLI default and two others. */
export const SEEDS = [7, 8, 42];

/** Exact decimal of a stored value, rounding like PostgreSQL (half away from zero). */
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
export const dec = (value: string | null | undefined) => new D(value ?? '0');

export type PositionKey = `${string}|${string}`;
export const positionKey = (portfolioId: string | null, securityId: string | null): PositionKey =>
  `${portfolioId}|${securityId}`;

/** The generated tables, indexed the ways the checks look them up, as a reader of the CSVs would. */
export interface BaseSetView {
  tables: BaseSetTables;
  security(id: string): CsvRow;
  holding1(key: PositionKey): CsvRow | undefined;
  holding2(key: PositionKey): CsvRow | undefined;
  close1(securityId: string): Decimal;
  close2(securityId: string): Decimal;
  /** USD per unit on a date ('1' for USD). */
  fx(currency: string, date: string): Decimal;
  actionsOf(securityId: string): CsvRow[];
  tradesOf(key: PositionKey): CsvRow[];
  /** Every position held on either date. */
  positionKeys(): PositionKey[];
  /** The product of split ratios with ex-date in the period (1 if none). */
  splitRatio(securityId: string): Decimal;
}

function byKey(rows: CsvRow[], key: (row: CsvRow) => string): Map<string, CsvRow> {
  return new Map(rows.map((row) => [key(row), row]));
}

const views = new Map<number, BaseSetView>();

export function baseSetView(seed: number): BaseSetView {
  const cached = views.get(seed);
  if (cached) return cached;
  const tables = buildBaseSet(seed);
  const securities = byKey(tables.securities_master, (row) => row.security_id ?? '');
  const holdingKey = (row: CsvRow) => positionKey(row.portfolio_id, row.security_id);
  const holdings1 = byKey(tables.holdings_period_1, holdingKey);
  const holdings2 = byKey(tables.holdings_period_2, holdingKey);
  const pricing1 = byKey(tables.pricing_period_1, (row) => row.security_id ?? '');
  const pricing2 = byKey(tables.pricing_period_2, (row) => row.security_id ?? '');
  const fxRates = byKey(tables.fx_rates, (row) => `${row.from_currency}|${row.rate_date}`);
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`missing ${what}`);
    return value;
  };
  const view: BaseSetView = {
    tables,
    security: (id) => required(securities.get(id), `security ${id}`),
    holding1: (key) => holdings1.get(key),
    holding2: (key) => holdings2.get(key),
    close1: (id) => dec(required(pricing1.get(id), `period-1 price of ${id}`).close_price),
    close2: (id) => dec(required(pricing2.get(id), `period-2 price of ${id}`).close_price),
    fx: (currency, date) =>
      currency === 'USD'
        ? new D(1)
        : dec(required(fxRates.get(`${currency}|${date}`), `${currency} on ${date}`).rate),
    actionsOf: (id) => tables.corporate_actions.filter((row) => row.security_id === id),
    tradesOf: (key) =>
      tables.transactions.filter((row) => positionKey(row.portfolio_id, row.security_id) === key),
    positionKeys: () => [...new Set([...holdings1.keys(), ...holdings2.keys()])] as PositionKey[],
    splitRatio: (id) =>
      tables.corporate_actions
        .filter((row) => row.security_id === id && row.action_type === 'STOCK_SPLIT')
        .reduce((product, row) => product.times(dec(row.ratio)), new D(1)),
  };
  views.set(seed, view);
  return view;
}

/** Price factor of a security type: instruments quoted per 100 nominal count 1/100 of the price. */
export function priceFactor(securityType: string | null): Decimal {
  return ['BOND', 'CLO', 'ABS'].includes(securityType ?? '') ? new D('0.01') : new D(1);
}
