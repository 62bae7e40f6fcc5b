/**
 * The platform's 17 tables (schema `public`) described once: every column in the order the
 * migrations create it, with its SQL type and whether it may be NULL. The migrations own the DDL
 * and never change once shipped; code reads this description instead (the generator's CSV headers
 * and decimal places, the loader's table list), and `schema-described-once.spec.ts` compares it
 * with the migrated catalogue on both engines. Adding a column: a migration, and its line here.
 */

export type SqlType =
  | 'integer'
  | 'bigint'
  | 'date'
  | 'timestamp'
  | `char(${number})`
  | `varchar(${number})`
  | `numeric(${number},${number})`;

export interface ColumnDescription {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
}

export interface NumericType {
  readonly precision: number;
  /** Digits after the point: what the generator writes and PostgreSQL keeps. */
  readonly scale: number;
}

/** The exact decimal types, named once: money, prices, quantities and rates are never floats. */
export const NUMERIC = {
  money: { precision: 20, scale: 2 },
  price: { precision: 18, scale: 6 },
  tickPrice: { precision: 12, scale: 4 },
  quantity: { precision: 20, scale: 4 },
  weight: { precision: 12, scale: 10 },
  fxRate: { precision: 18, scale: 8 },
  ratio: { precision: 12, scale: 6 },
  percent: { precision: 8, scale: 4 },
  measure: { precision: 12, scale: 4 },
} as const satisfies Record<string, NumericType>;

const numeric = ({ precision, scale }: NumericType): SqlType => `numeric(${precision},${scale})`;
const char = (length: number): SqlType => `char(${length})`;
const varchar = (length: number): SqlType => `varchar(${length})`;

const ENTITY_ID = varchar(16);
const CURRENCY = char(3);
const MONEY = numeric(NUMERIC.money);
const PRICE = numeric(NUMERIC.price);
const QUANTITY = numeric(NUMERIC.quantity);
const MEASURE = numeric(NUMERIC.measure);

const column = (name: string, type: SqlType): ColumnDescription => ({
  name,
  type,
  nullable: false,
});
const nullable = (name: string, type: SqlType): ColumnDescription => ({
  name,
  type,
  nullable: true,
});

const positionValueColumns = [
  column('quantity', QUANTITY),
  column('market_value', MONEY),
  column('weight', numeric(NUMERIC.weight)),
  column('cost_basis', MONEY),
  column('accrued_interest', MONEY),
];

const dailyBarColumns = [
  column('open_price', PRICE),
  column('high_price', PRICE),
  column('low_price', PRICE),
  column('close_price', PRICE),
  column('volume', 'bigint'),
  column('vwap', PRICE),
];

const varianceEffectColumns = [
  column('period_from', 'date'),
  column('period_to', 'date'),
  column('mv_start', MONEY),
  column('mv_end', MONEY),
  column('price_effect', MONEY),
  column('qty_effect', MONEY),
  column('fx_effect', MONEY),
  column('corp_action_effect', MONEY),
  column('total_pnl', MONEY),
];

const holdingsSnapshot = [
  column('holding_id', 'integer'),
  column('security_id', ENTITY_ID),
  column('portfolio_id', ENTITY_ID),
  ...positionValueColumns,
  column('as_of_date', 'date'),
];

const pricingSnapshot = [
  column('pricing_id', 'integer'),
  column('security_id', ENTITY_ID),
  column('price_date', 'date'),
  ...dailyBarColumns,
];

/** The seed's 13 core tables (one `<table>.csv` each), in load order: parents before children. */
export const CORE_TABLES = {
  issuer: [
    column('issuer_id', ENTITY_ID),
    column('issuer_name', varchar(200)),
    column('country', char(2)),
    column('sector', varchar(50)),
    column('industry', varchar(100)),
    column('lei', char(20)),
  ],
  securities_master: [
    column('security_id', ENTITY_ID),
    column('isin', char(12)),
    nullable('cusip', char(9)),
    nullable('sedol', char(7)),
    column('ticker', varchar(20)),
    column('security_name', varchar(200)),
    column('security_type', varchar(10)),
    column('asset_class', varchar(30)),
    column('currency', CURRENCY),
    column('exchange', varchar(20)),
    column('issuer_id', ENTITY_ID),
    column('issue_date', 'date'),
    nullable('maturity_date', 'date'),
    nullable('coupon_rate', numeric(NUMERIC.percent)),
    column('status', varchar(10)),
  ],
  portfolio: [
    column('portfolio_id', ENTITY_ID),
    column('portfolio_name', varchar(200)),
    column('portfolio_type', varchar(20)),
    column('benchmark', varchar(100)),
    column('inception_date', 'date'),
    column('currency', CURRENCY),
  ],
  holdings_period_1: holdingsSnapshot,
  holdings_period_2: holdingsSnapshot,
  pricing_period_1: pricingSnapshot,
  pricing_period_2: pricingSnapshot,
  transactions: [
    column('txn_id', 'bigint'),
    column('security_id', ENTITY_ID),
    column('portfolio_id', ENTITY_ID),
    column('txn_type', varchar(4)),
    column('quantity', QUANTITY),
    column('price', PRICE),
    column('txn_date', 'date'),
    column('settlement_date', 'date'),
    column('fees', MONEY),
    column('currency', CURRENCY),
  ],
  fx_rates: [
    column('rate_id', 'integer'),
    column('from_currency', CURRENCY),
    column('to_currency', CURRENCY),
    column('rate_date', 'date'),
    column('rate', numeric(NUMERIC.fxRate)),
  ],
  credit_ratings: [
    column('rating_id', 'integer'),
    column('issuer_id', ENTITY_ID),
    column('rating', varchar(5)),
    column('rating_date', 'date'),
    column('agency', varchar(10)),
    column('action', varchar(10)),
  ],
  corporate_actions: [
    column('action_id', 'integer'),
    column('security_id', ENTITY_ID),
    column('action_type', varchar(12)),
    column('ex_date', 'date'),
    column('record_date', 'date'),
    column('payment_date', 'date'),
    nullable('ratio', numeric(NUMERIC.ratio)),
    nullable('amount', PRICE),
  ],
  risk_metrics: [
    column('metric_id', 'integer'),
    nullable('security_id', ENTITY_ID),
    nullable('portfolio_id', ENTITY_ID),
    nullable('var_95', MONEY),
    nullable('var_99', MONEY),
    nullable('beta', MEASURE),
    nullable('duration', MEASURE),
    nullable('convexity', MEASURE),
    nullable('volatility', MEASURE),
    column('as_of_date', 'date'),
  ],
  variance_summary: [
    column('summary_id', 'integer'),
    column('portfolio_id', ENTITY_ID),
    column('security_id', ENTITY_ID),
    ...varianceEffectColumns,
  ],
} as const satisfies Record<string, readonly ColumnDescription[]>;

/**
 * The seed's 4 scale tables, built from the base set by the scale generator; a load that replaces
 * the base set empties them in the same transaction.
 */
export const SCALE_TABLES = {
  pricing_history: [
    column('security_id', ENTITY_ID),
    column('price_date', 'date'),
    ...dailyBarColumns,
  ],
  holdings_history: [
    column('security_id', ENTITY_ID),
    column('portfolio_id', ENTITY_ID),
    column('as_of_date', 'date'),
    ...positionValueColumns,
  ],
  variance_quarterly: [
    column('portfolio_id', ENTITY_ID),
    column('security_id', ENTITY_ID),
    column('quarter_label', char(6)),
    ...varianceEffectColumns,
  ],
  // Widest first, so a row packs without alignment padding.
  tick_data: [
    column('tick_time', 'timestamp'),
    column('volume', 'integer'),
    column('bid_size', 'integer'),
    column('ask_size', 'integer'),
    column('trade_count', 'integer'),
    column('security_id', ENTITY_ID),
    column('price', numeric(NUMERIC.tickPrice)),
    column('bid', numeric(NUMERIC.tickPrice)),
    column('ask', numeric(NUMERIC.tickPrice)),
    column('vwap', numeric(NUMERIC.tickPrice)),
  ],
} as const satisfies Record<string, readonly ColumnDescription[]>;

export type CoreTableName = keyof typeof CORE_TABLES;
export type ScaleTableName = keyof typeof SCALE_TABLES;
export type TableName = CoreTableName | ScaleTableName;

export const CORE_TABLE_NAMES = Object.keys(CORE_TABLES) as CoreTableName[];
export const SCALE_TABLE_NAMES = Object.keys(SCALE_TABLES) as ScaleTableName[];

/** Every table of the description: the 13 core tables, then the 4 scale tables. */
export const TABLES: Readonly<Record<TableName, readonly ColumnDescription[]>> = {
  ...CORE_TABLES,
  ...SCALE_TABLES,
};

/** A table's column names in the migration's order, e.g. for a COPY column list or a CSV header. */
export const columnNames = (table: TableName): string[] => TABLES[table].map(({ name }) => name);
