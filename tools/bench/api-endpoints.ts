import { TICKS_PAGE } from '@securities/contracts';
import { escapeLiteral } from 'pg';
// The API's own SQL builders, so pgbench runs exactly the statements the endpoints run.
import {
  DAILY_BARS_SQL,
  dayTotalsSql,
  intradayBarJsonSql,
  TICK_SOURCE,
  tickPageSql,
} from '@securities/market-sql';

/**
 * Each endpoint the API benchmark loads, with the SQL its service runs for that request (read in
 * apps/api/src/app/<area>/<area>.service.ts), so pgbench can run the same statements directly.
 */
export interface BenchEndpoint {
  name: string;
  path: string;
  sql: string[];
  /**
   * The goal, API req/s over pgbench tx/s on the same SQL (issue 15): 0.5 where the SQL is the
   * work (lists of 100-500 rows, the variance report), 0.3 for single rows and tiny answers.
   */
  goal: 0.5 | 0.3;
}

const SECURITY_COLUMNS = `s.security_id, s.isin, s.cusip, s.sedol, s.ticker, s.security_name, s.security_type,
  s.asset_class, s.currency, s.exchange, s.issuer_id, s.issue_date, s.maturity_date, s.coupon_rate, s.status`;
const PORTFOLIO_SELECT = `SELECT portfolio_id, portfolio_name, portfolio_type, benchmark, inception_date, currency
  FROM portfolio`;
const VARIANCE_SELECT = `SELECT v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from,
  v.period_to, v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl
  FROM variance_summary v JOIN securities_master s ON s.security_id = v.security_id`;

export const BENCH_ENDPOINTS: BenchEndpoint[] = [
  { name: 'health', path: '/api/health', sql: ['SELECT 1'], goal: 0.3 },
  {
    name: 'securities (100 rows)',
    goal: 0.5,
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
    goal: 0.3,
    path: '/api/securities/SEC-0001',
    sql: [`SELECT ${SECURITY_COLUMNS} FROM securities_master s WHERE s.security_id = 'SEC-0001'`],
  },
  {
    name: 'security ratings',
    goal: 0.3,
    path: '/api/securities/SEC-0001/ratings',
    sql: [
      `SELECT ${SECURITY_COLUMNS} FROM securities_master s WHERE s.security_id = 'SEC-0001'`,
      `SELECT r.rating_id, r.issuer_id, r.rating, r.rating_date, r.agency, r.action
       FROM securities_master s JOIN credit_ratings r ON r.issuer_id = s.issuer_id
       WHERE s.security_id = 'SEC-0001' ORDER BY r.rating_date, r.agency, r.rating_id`,
    ],
  },
  {
    name: 'portfolios',
    goal: 0.3,
    path: '/api/portfolios',
    sql: [`${PORTFOLIO_SELECT} ORDER BY portfolio_id`],
  },
  {
    name: 'portfolio by id',
    goal: 0.3,
    path: '/api/portfolios/PORT-001',
    sql: [`${PORTFOLIO_SELECT} WHERE portfolio_id = 'PORT-001'`],
  },
  {
    name: 'holdings (167 rows)',
    goal: 0.5,
    path: '/api/holdings?period=2&limit=500',
    sql: [
      `SELECT h.holding_id, h.portfolio_id, h.security_id, s.security_name, s.ticker, h.quantity, h.market_value,
              h.weight, h.cost_basis, h.accrued_interest, h.as_of_date
       FROM holdings_period_2 h JOIN securities_master s ON s.security_id = h.security_id
       ORDER BY h.market_value DESC, h.holding_id LIMIT 500 OFFSET 0`,
      `SELECT count(*)::int AS total FROM holdings_period_2 h JOIN securities_master s ON s.security_id = h.security_id`,
    ],
  },
  {
    name: 'variance/portfolio',
    goal: 0.5,
    path: '/api/variance/portfolio/PORT-001',
    sql: [
      `${PORTFOLIO_SELECT} WHERE portfolio_id = 'PORT-001'`,
      `${VARIANCE_SELECT} WHERE v.portfolio_id = 'PORT-001' ORDER BY v.security_id`,
    ],
  },
  {
    name: 'variance/top-movers',
    goal: 0.5,
    path: '/api/variance/top-movers?limit=20',
    sql: [
      `SELECT v.summary_id, v.portfolio_id, v.security_id, s.security_name, s.ticker, v.period_from, v.period_to,
              v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl,
              (count(*) OVER ())::int AS total
       FROM variance_summary v JOIN securities_master s ON s.security_id = v.security_id
       ORDER BY abs(v.total_pnl) DESC, v.portfolio_id, v.security_id LIMIT 20`,
    ],
  },
  {
    name: 'variance/quarterly (169 rows)',
    goal: 0.5,
    path: '/api/variance/quarterly?limit=500',
    sql: [
      `SELECT v.portfolio_id, v.security_id, s.security_name, s.ticker, v.quarter_label, v.period_from, v.period_to,
              v.mv_start, v.mv_end, v.price_effect, v.qty_effect, v.fx_effect, v.corp_action_effect, v.total_pnl
       FROM variance_quarterly v JOIN securities_master s ON s.security_id = v.security_id
       ORDER BY v.quarter_label, v.portfolio_id, v.security_id LIMIT 500 OFFSET 0`,
      `SELECT count(*)::int AS total FROM variance_quarterly v JOIN securities_master s ON s.security_id = v.security_id`,
    ],
  },
  {
    name: 'risk-metrics (74 rows)',
    goal: 0.3,
    path: '/api/risk-metrics?limit=100',
    sql: [
      `SELECT metric_id, security_id, portfolio_id, var_95, var_99, beta, duration, convexity, volatility, as_of_date
       FROM risk_metrics ORDER BY as_of_date, portfolio_id NULLS LAST, security_id NULLS LAST, metric_id
       LIMIT 100 OFFSET 0`,
      'SELECT count(*)::int AS total FROM risk_metrics',
    ],
  },
  {
    name: 'corporate-actions',
    goal: 0.3,
    path: '/api/corporate-actions',
    sql: [
      `SELECT action_id, security_id, action_type, ex_date, record_date, payment_date, ratio, amount
       FROM corporate_actions ORDER BY ex_date, action_id LIMIT 100 OFFSET 0`,
      'SELECT count(*)::int AS total FROM corporate_actions',
    ],
  },
  {
    name: 'fx-rates',
    goal: 0.3,
    path: '/api/fx-rates?from_currency=GBP',
    sql: [
      `SELECT rate_id, from_currency, to_currency, rate_date, rate FROM fx_rates WHERE from_currency = 'GBP'
       ORDER BY rate_date, from_currency, to_currency LIMIT 100 OFFSET 0`,
      `SELECT count(*)::int AS total FROM fx_rates WHERE from_currency = 'GBP'`,
    ],
  },
];

/** The market-data day the benchmark reads, and the first and last day SEC-0001 has bars. */
export interface BenchMarketDay {
  day: string;
  firstDay: string;
  lastDay: string;
}

const MARKET_CONTEXT_SQL = `SELECT ('SEC-0001'::text IS NULL OR EXISTS (SELECT 1 FROM securities_master WHERE security_id = 'SEC-0001')) AS known,
  (SELECT min(price_date) FROM pricing_history) AS first_day, (SELECT max(price_date) FROM pricing_history) AS last_day`;

/** A parameter as a SQL literal (pgbench runs plain statements): text quoted, an array as '{...}'. */
function literal(value: string | number | string[]): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return escapeLiteral(`{${value.map((item) => `"${item}"`).join(',')}}`);
  return escapeLiteral(value);
}

/** A statement of the API with its parameters written in, as the API sends them. */
export function withLiterals(sql: string, params: (string | number | string[])[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/**
 * The market-data endpoints, each with the SQL its services run for that request (the API's own
 * SQL builders with the request's parameters: libs/market-sql (tick-sql.ts, bar-sources.ts), read from
 * tick_data: on TimescaleDB with continuous aggregates the API reads those instead, and this SQL
 * is the slower reference).
 */
export function marketDataEndpoints({ day, firstDay, lastDay }: BenchMarketDay): BenchEndpoint[] {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const afterLast = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return [
    {
      name: 'ticks, one security-day (JSON)',
      goal: 0.5,
      path: `/api/securities/SEC-0001/ticks?from=${day}&to=${day}`,
      sql: [
        MARKET_CONTEXT_SQL,
        withLiterals(tickPageSql('asc', false), [
          'SEC-0001',
          `${day}T00:00:00`,
          `${day}T23:59:59.999999`,
          TICKS_PAGE.default,
        ]),
      ],
    },
    {
      name: 'bars 1m, one day',
      goal: 0.5,
      path: `/api/securities/SEC-0001/bars?interval=1m&from=${day}&to=${day}`,
      sql: [
        MARKET_CONTEXT_SQL,
        // Unadjusted: no schedule steps.
        withLiterals(intradayBarJsonSql(TICK_SOURCE), [
          'SEC-0001',
          `${day}T00:00:00`,
          `${next}T00:00:00`,
          '1 minutes',
          [],
          [],
          [],
        ]),
      ],
    },
    {
      name: 'bars 1d, five years',
      goal: 0.5,
      path: `/api/securities/SEC-0001/bars?interval=1d&from=2020-01-01&to=2025-03-31`,
      sql: [
        MARKET_CONTEXT_SQL,
        withLiterals(DAILY_BARS_SQL('ASC'), ['SEC-0001', '2020-01-01', '2025-04-01', 5001]),
        withLiterals(dayTotalsSql(TICK_SOURCE), ['SEC-0001', firstDay, afterLast]),
      ],
    },
  ];
}

/** The CSV stream of one security-year, and the COPY it runs (libs/market-sql/src/lib/tick-sql.ts). */
export function tickStreamBench(year: string) {
  return {
    name: `ticks CSV stream, SEC-0001 ${year}`,
    path: `/api/securities/SEC-0001/ticks?from=${year}-01-01&to=${year}-12-31&format=csv`,
    copySql: `COPY (SELECT replace(tick_time::text, ' ', 'T') AS tick_time, price, bid, ask, volume, bid_size, ask_size, trade_count, vwap
      FROM tick_data WHERE security_id = 'SEC-0001' AND tick_time >= '${year}-01-01T00:00:00' AND tick_time <= '${year}-12-31T23:59:59.999999'
      ORDER BY tick_time ASC) TO STDOUT WITH (FORMAT csv, HEADER)`,
  };
}
