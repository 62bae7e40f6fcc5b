/**
 * Section 6 "Useful Queries" of the seed, verbatim: what a user runs with psql, so they must run
 * unchanged on every engine.
 */
export const SEED_USEFUL_QUERIES: Record<string, string> = {
  'database size': `SELECT pg_size_pretty(pg_database_size(current_database()));`,
  'row counts for all tables': `SELECT schemaname, relname, n_live_tup
FROM pg_stat_user_tables
WHERE schemaname = 'public'
ORDER BY n_live_tup DESC;`,
  'table sizes': `SELECT tablename,
       pg_size_pretty(pg_total_relation_size(schemaname||'.'||tablename))
FROM pg_tables
WHERE schemaname = 'public'
ORDER BY pg_total_relation_size(schemaname||'.'||tablename) DESC;`,
  'securities by type': `SELECT security_type, count(*) FROM securities_master GROUP BY security_type;`,
  'daily price for a security': `SELECT price_date, close_price, volume
FROM pricing_history
WHERE security_id = 'SEC-0001'
ORDER BY price_date DESC
LIMIT 10;`,
  'intraday ticks for a security on a specific day': `SELECT tick_time, price, bid, ask, volume
FROM tick_data
WHERE security_id = 'SEC-0001'
  AND tick_time >= '2025-03-28 09:30:00'
  AND tick_time <  '2025-03-28 16:00:00'
ORDER BY tick_time;`,
  'portfolio holdings on a date': `SELECT h.security_id, sm.security_name, h.quantity, h.market_value, h.weight
FROM holdings_history h
JOIN securities_master sm ON h.security_id = sm.security_id
WHERE h.portfolio_id = 'PORT-001'
  AND h.as_of_date = '2025-03-31'
ORDER BY h.market_value DESC
LIMIT 20;`,
  'quarterly variance for a portfolio': `SELECT quarter_label, SUM(total_pnl) as total_pnl,
       SUM(price_effect) as price_eff, SUM(fx_effect) as fx_eff
FROM variance_quarterly
WHERE portfolio_id = 'PORT-001'
GROUP BY quarter_label
ORDER BY quarter_label;`,
  'top 10 trades by value': `SELECT t.security_id, sm.security_name, t.txn_type,
       t.quantity, t.price, t.quantity * t.price as trade_value
FROM transactions t
JOIN securities_master sm ON t.security_id = sm.security_id
ORDER BY t.quantity * t.price DESC
LIMIT 10;`,
};

/**
 * The Useful Queries about the server rather than the data (size, statistics): on Citus they see
 * the coordinator, where a distributed table is an empty shell (its rows are in the workers' shards).
 */
export const SEED_SERVER_QUERIES = ['database size', 'row counts for all tables', 'table sizes'];
