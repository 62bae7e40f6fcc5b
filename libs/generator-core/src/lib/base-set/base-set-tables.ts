/**
 * The 13 core tables as the migration CreateCoreTables defines them: each table's columns in the
 * migration's order (the CSV header) with the SQL type that decides how a value is written.
 */
export type ColumnType = 'text' | 'date' | 'integer' | { decimalScale: number };

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
}

const text = (name: string): ColumnDefinition => ({ name, type: 'text' });
const date = (name: string): ColumnDefinition => ({ name, type: 'date' });
const integer = (name: string): ColumnDefinition => ({ name, type: 'integer' });
const decimal = (name: string, decimalScale: number): ColumnDefinition => ({
  name,
  type: { decimalScale },
});

/** Scales of the migration's numeric columns. */
export const SCALE = {
  money: 2,
  price: 6,
  quantity: 4,
  weight: 10,
  fxRate: 8,
  ratio: 6,
  percent: 4,
  measure: 4,
} as const;

const holdingColumns = [
  integer('holding_id'),
  text('security_id'),
  text('portfolio_id'),
  decimal('quantity', SCALE.quantity),
  decimal('market_value', SCALE.money),
  decimal('weight', SCALE.weight),
  decimal('cost_basis', SCALE.money),
  decimal('accrued_interest', SCALE.money),
  date('as_of_date'),
];

const pricingColumns = [
  integer('pricing_id'),
  text('security_id'),
  date('price_date'),
  decimal('open_price', SCALE.price),
  decimal('high_price', SCALE.price),
  decimal('low_price', SCALE.price),
  decimal('close_price', SCALE.price),
  integer('volume'),
  decimal('vwap', SCALE.price),
];

/** In load order: every table after the tables its foreign keys point to. */
export const CORE_TABLES = {
  issuer: [
    text('issuer_id'),
    text('issuer_name'),
    text('country'),
    text('sector'),
    text('industry'),
    text('lei'),
  ],
  securities_master: [
    text('security_id'),
    text('isin'),
    text('cusip'),
    text('sedol'),
    text('ticker'),
    text('security_name'),
    text('security_type'),
    text('asset_class'),
    text('currency'),
    text('exchange'),
    text('issuer_id'),
    date('issue_date'),
    date('maturity_date'),
    decimal('coupon_rate', SCALE.percent),
    text('status'),
  ],
  portfolio: [
    text('portfolio_id'),
    text('portfolio_name'),
    text('portfolio_type'),
    text('benchmark'),
    date('inception_date'),
    text('currency'),
  ],
  holdings_period_1: holdingColumns,
  holdings_period_2: holdingColumns,
  pricing_period_1: pricingColumns,
  pricing_period_2: pricingColumns,
  transactions: [
    integer('txn_id'),
    text('security_id'),
    text('portfolio_id'),
    text('txn_type'),
    decimal('quantity', SCALE.quantity),
    decimal('price', SCALE.price),
    date('txn_date'),
    date('settlement_date'),
    decimal('fees', SCALE.money),
    text('currency'),
  ],
  fx_rates: [
    integer('rate_id'),
    text('from_currency'),
    text('to_currency'),
    date('rate_date'),
    decimal('rate', SCALE.fxRate),
  ],
  credit_ratings: [
    integer('rating_id'),
    text('issuer_id'),
    text('rating'),
    date('rating_date'),
    text('agency'),
    text('action'),
  ],
  corporate_actions: [
    integer('action_id'),
    text('security_id'),
    text('action_type'),
    date('ex_date'),
    date('record_date'),
    date('payment_date'),
    decimal('ratio', SCALE.ratio),
    decimal('amount', SCALE.price),
  ],
  risk_metrics: [
    integer('metric_id'),
    text('security_id'),
    text('portfolio_id'),
    decimal('var_95', SCALE.money),
    decimal('var_99', SCALE.money),
    decimal('beta', SCALE.measure),
    decimal('duration', SCALE.measure),
    decimal('convexity', SCALE.measure),
    decimal('volatility', SCALE.measure),
    date('as_of_date'),
  ],
  variance_summary: [
    integer('summary_id'),
    text('portfolio_id'),
    text('security_id'),
    date('period_from'),
    date('period_to'),
    decimal('mv_start', SCALE.money),
    decimal('mv_end', SCALE.money),
    decimal('price_effect', SCALE.money),
    decimal('qty_effect', SCALE.money),
    decimal('fx_effect', SCALE.money),
    decimal('corp_action_effect', SCALE.money),
    decimal('total_pnl', SCALE.money),
  ],
} as const satisfies Record<string, readonly ColumnDefinition[]>;

export type CoreTableName = keyof typeof CORE_TABLES;
export const CORE_TABLE_NAMES = Object.keys(CORE_TABLES) as CoreTableName[];

/** A row as written to CSV: every value already formatted; null is an empty field (SQL NULL). */
export type CsvRow = Record<string, string | null>;

/** The whole base set: the rows of every core table. */
export type BaseSetTables = Record<CoreTableName, CsvRow[]>;
