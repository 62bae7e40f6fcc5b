/** The 13 core tables of the base set, one `<table>.csv` each (the generator's CSV contract). */
export const CORE_TABLES = [
  'issuer',
  'securities_master',
  'portfolio',
  'holdings_period_1',
  'holdings_period_2',
  'pricing_period_1',
  'pricing_period_2',
  'transactions',
  'fx_rates',
  'credit_ratings',
  'corporate_actions',
  'risk_metrics',
  'variance_summary',
] as const;
export type CoreTable = (typeof CORE_TABLES)[number];

/**
 * Scale tables derived from the base set. A load replaces the base set, so they are emptied in the
 * same transaction (they reference it, and would otherwise describe securities that are gone).
 */
export const DEPENDENT_SCALE_TABLES = [
  'pricing_history',
  'holdings_history',
  'variance_quarterly',
  'tick_data',
] as const;

export const csvFileName = (table: string): string => `${table}.csv`;
