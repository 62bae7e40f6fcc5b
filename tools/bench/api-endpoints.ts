/**
 * Each endpoint the API benchmark loads, with the SQL its service runs for that request (read in
 * apps/api/src/app/<area>/<area>.service.ts), so pgbench can run the same statements directly.
 */
export interface BenchEndpoint {
  name: string;
  path: string;
  sql: string[];
}

const SECURITY_COLUMNS = `s.security_id, s.isin, s.cusip, s.sedol, s.ticker, s.security_name, s.security_type,
  s.asset_class, s.currency, s.exchange, s.issuer_id, s.issue_date, s.maturity_date, s.coupon_rate, s.status`;
const VARIANCE_SELECT = `SELECT v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from,
  v.period_to, v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl
  FROM variance_summary v JOIN securities_master s ON s.security_id = v.security_id`;

export const BENCH_ENDPOINTS: BenchEndpoint[] = [
  { name: 'health', path: '/api/health', sql: ['SELECT 1'] },
  {
    name: 'securities',
    path: '/api/securities?security_type=EQUITY&limit=100',
    sql: [
      `SELECT ${SECURITY_COLUMNS} FROM securities_master s JOIN issuer i ON i.issuer_id = s.issuer_id
       WHERE s.security_type = 'EQUITY' ORDER BY s.security_id LIMIT 100 OFFSET 0`,
      `SELECT count(*)::int AS total FROM securities_master s JOIN issuer i ON i.issuer_id = s.issuer_id
       WHERE s.security_type = 'EQUITY'`,
    ],
  },
  {
    name: 'security by id',
    path: '/api/securities/SEC-0001',
    sql: [`SELECT ${SECURITY_COLUMNS} FROM securities_master s WHERE s.security_id = 'SEC-0001'`],
  },
  {
    name: 'portfolios',
    path: '/api/portfolios',
    sql: [
      'SELECT portfolio_id, portfolio_name, portfolio_type, benchmark, inception_date, currency FROM portfolio ORDER BY portfolio_id',
    ],
  },
  {
    name: 'holdings',
    path: '/api/holdings?portfolio_id=PORT-001&period=1',
    sql: [
      `SELECT 1 FROM portfolio WHERE portfolio_id = 'PORT-001'`,
      `SELECT h.holding_id, h.portfolio_id, h.security_id, s.security_name, s.ticker, h.quantity, h.market_value,
              h.weight, h.cost_basis, h.accrued_interest, h.as_of_date
       FROM holdings_period_1 h JOIN securities_master s ON s.security_id = h.security_id
       WHERE h.portfolio_id = 'PORT-001' ORDER BY h.market_value DESC, h.holding_id LIMIT 100 OFFSET 0`,
      `SELECT count(*)::int AS total FROM holdings_period_1 h JOIN securities_master s ON s.security_id = h.security_id
       WHERE h.portfolio_id = 'PORT-001'`,
    ],
  },
  {
    name: 'variance/portfolio',
    path: '/api/variance/portfolio/PORT-001',
    sql: [
      `SELECT 1 FROM portfolio WHERE portfolio_id = 'PORT-001'`,
      `${VARIANCE_SELECT} WHERE v.portfolio_id = 'PORT-001' ORDER BY v.security_id`,
    ],
  },
  {
    name: 'variance/top-movers',
    path: '/api/variance/top-movers?limit=20',
    sql: [`${VARIANCE_SELECT} ORDER BY v.portfolio_id, v.security_id`],
  },
  {
    name: 'corporate-actions',
    path: '/api/corporate-actions',
    sql: [
      `SELECT action_id, security_id, action_type, ex_date, record_date, payment_date, ratio, amount
       FROM corporate_actions ORDER BY ex_date, action_id LIMIT 100 OFFSET 0`,
      'SELECT count(*)::int AS total FROM corporate_actions',
    ],
  },
  {
    name: 'fx-rates',
    path: '/api/fx-rates?from_currency=GBP',
    sql: [
      `SELECT rate_id, from_currency, to_currency, rate_date, rate FROM fx_rates WHERE from_currency = 'GBP'
       ORDER BY rate_date, from_currency, to_currency LIMIT 100 OFFSET 0`,
      `SELECT count(*)::int AS total FROM fx_rates WHERE from_currency = 'GBP'`,
    ],
  },
];
