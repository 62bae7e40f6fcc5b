import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CORPORATE_ACTION_TYPES,
  PORTFOLIO_TYPES,
  RATING_ACTIONS,
  RATING_AGENCIES,
  SECURITY_STATUSES,
  SECURITY_TYPES,
  TRANSACTION_TYPES,
} from '@securities/vocabulary';
import { sqlList } from './sql';

const holdingsTable = (name: string, prefix: string) => `
  CREATE TABLE ${name} (
    holding_id       integer       PRIMARY KEY,
    security_id      varchar(16)   NOT NULL REFERENCES securities_master (security_id),
    portfolio_id     varchar(16)   NOT NULL REFERENCES portfolio (portfolio_id),
    quantity         numeric(20,4) NOT NULL,
    market_value     numeric(20,2) NOT NULL,
    weight           numeric(12,10) NOT NULL,
    cost_basis       numeric(20,2) NOT NULL,
    accrued_interest numeric(20,2) NOT NULL DEFAULT 0,
    as_of_date       date          NOT NULL,
    CONSTRAINT ${name}_position_key UNIQUE (portfolio_id, security_id)
  );
  CREATE INDEX idx_${prefix}_security ON ${name} (security_id);
  CREATE INDEX idx_${prefix}_portfolio ON ${name} (portfolio_id);`;

const pricingTable = (name: string, prefix: string) => `
  CREATE TABLE ${name} (
    pricing_id  integer       PRIMARY KEY,
    security_id varchar(16)   NOT NULL REFERENCES securities_master (security_id),
    price_date  date          NOT NULL,
    open_price  numeric(18,6) NOT NULL CHECK (open_price > 0),
    high_price  numeric(18,6) NOT NULL,
    low_price   numeric(18,6) NOT NULL CHECK (low_price > 0),
    close_price numeric(18,6) NOT NULL CHECK (close_price > 0),
    volume      bigint        NOT NULL CHECK (volume >= 0),
    vwap        numeric(18,6) NOT NULL,
    CONSTRAINT ${name}_security_date_key UNIQUE (security_id, price_date),
    CONSTRAINT ${name}_bar_check CHECK (
      low_price <= LEAST(open_price, close_price) AND high_price >= GREATEST(open_price, close_price)
      AND vwap BETWEEN low_price AND high_price)
  );
  CREATE INDEX idx_${prefix}_security ON ${name} (security_id);`;

/** The seed's 13 core tables (schema.sql) and their indexes (indexes.sql), by the seed's names. */
export class CreateCoreTables1732500000000 implements MigrationInterface {
  name = 'CreateCoreTables1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE issuer (
        issuer_id   varchar(16)  PRIMARY KEY,
        issuer_name varchar(200) NOT NULL,
        country     char(2)      NOT NULL,
        sector      varchar(50)  NOT NULL,
        industry    varchar(100) NOT NULL,
        lei         char(20)     NOT NULL UNIQUE
      );

      CREATE TABLE securities_master (
        security_id   varchar(16)  PRIMARY KEY,
        isin          char(12)     NOT NULL,
        cusip         char(9),
        sedol         char(7),
        ticker        varchar(20)  NOT NULL,
        security_name varchar(200) NOT NULL,
        security_type varchar(10)  NOT NULL CHECK (security_type IN (${sqlList(SECURITY_TYPES)})),
        asset_class   varchar(30)  NOT NULL,
        currency      char(3)      NOT NULL,
        exchange      varchar(20)  NOT NULL,
        issuer_id     varchar(16)  NOT NULL REFERENCES issuer (issuer_id),
        issue_date    date         NOT NULL,
        maturity_date date,
        coupon_rate   numeric(8,4),
        status        varchar(10)  NOT NULL CHECK (status IN (${sqlList(SECURITY_STATUSES)}))
      );
      CREATE INDEX idx_sm_type ON securities_master (security_type);
      CREATE INDEX idx_sm_currency ON securities_master (currency);
      CREATE INDEX idx_sm_issuer ON securities_master (issuer_id);
      CREATE UNIQUE INDEX idx_sm_isin ON securities_master (isin);
      CREATE UNIQUE INDEX idx_sm_cusip ON securities_master (cusip);
      CREATE UNIQUE INDEX idx_sm_sedol ON securities_master (sedol);

      CREATE TABLE portfolio (
        portfolio_id   varchar(16)  PRIMARY KEY,
        portfolio_name varchar(200) NOT NULL,
        portfolio_type varchar(20)  NOT NULL CHECK (portfolio_type IN (${sqlList(PORTFOLIO_TYPES)})),
        benchmark      varchar(100) NOT NULL,
        inception_date date         NOT NULL,
        currency       char(3)      NOT NULL
      );

      ${holdingsTable('holdings_period_1', 'hp1')}
      ${holdingsTable('holdings_period_2', 'hp2')}
      ${pricingTable('pricing_period_1', 'pp1')}
      ${pricingTable('pricing_period_2', 'pp2')}

      CREATE TABLE transactions (
        txn_id          bigint        PRIMARY KEY,
        security_id     varchar(16)   NOT NULL REFERENCES securities_master (security_id),
        portfolio_id    varchar(16)   NOT NULL REFERENCES portfolio (portfolio_id),
        txn_type        varchar(4)    NOT NULL CHECK (txn_type IN (${sqlList(TRANSACTION_TYPES)})),
        quantity        numeric(20,4) NOT NULL CHECK (quantity > 0),
        price           numeric(18,6) NOT NULL CHECK (price > 0),
        txn_date        date          NOT NULL,
        settlement_date date          NOT NULL CHECK (settlement_date >= txn_date),
        fees            numeric(20,2) NOT NULL CHECK (fees >= 0),
        currency        char(3)       NOT NULL
      );
      CREATE INDEX idx_txn_security ON transactions (security_id);
      CREATE INDEX idx_txn_portfolio ON transactions (portfolio_id);
      CREATE INDEX idx_txn_date ON transactions (txn_date);

      CREATE TABLE fx_rates (
        rate_id       integer       PRIMARY KEY,
        from_currency char(3)       NOT NULL,
        to_currency   char(3)       NOT NULL,
        rate_date     date          NOT NULL,
        rate          numeric(18,8) NOT NULL CHECK (rate > 0),
        CONSTRAINT fx_rates_pair_date_key UNIQUE (from_currency, to_currency, rate_date)
      );

      CREATE TABLE credit_ratings (
        rating_id   integer     PRIMARY KEY,
        issuer_id   varchar(16) NOT NULL REFERENCES issuer (issuer_id),
        rating      varchar(5)  NOT NULL,
        rating_date date        NOT NULL,
        agency      varchar(10) NOT NULL CHECK (agency IN (${sqlList(RATING_AGENCIES)})),
        action      varchar(10) NOT NULL CHECK (action IN (${sqlList(RATING_ACTIONS)}))
      );
      CREATE INDEX idx_cr_issuer ON credit_ratings (issuer_id);

      CREATE TABLE corporate_actions (
        action_id    integer       PRIMARY KEY,
        security_id  varchar(16)   NOT NULL REFERENCES securities_master (security_id),
        action_type  varchar(12)   NOT NULL CHECK (action_type IN (${sqlList(CORPORATE_ACTION_TYPES)})),
        ex_date      date          NOT NULL,
        record_date  date          NOT NULL,
        payment_date date          NOT NULL,
        ratio        numeric(12,6) CHECK (ratio > 0),
        amount       numeric(18,6) CHECK (amount >= 0),
        CONSTRAINT corporate_actions_split_ratio_check CHECK (action_type <> 'STOCK_SPLIT' OR ratio IS NOT NULL)
      );
      CREATE INDEX idx_ca_security ON corporate_actions (security_id);

      CREATE TABLE risk_metrics (
        metric_id    integer       PRIMARY KEY,
        security_id  varchar(16)   REFERENCES securities_master (security_id),
        portfolio_id varchar(16)   REFERENCES portfolio (portfolio_id),
        var_95       numeric(20,2),
        var_99       numeric(20,2),
        beta         numeric(12,4),
        duration     numeric(12,4),
        convexity    numeric(12,4),
        volatility   numeric(12,4),
        as_of_date   date          NOT NULL,
        CONSTRAINT risk_metrics_subject_check CHECK (security_id IS NOT NULL OR portfolio_id IS NOT NULL)
      );
      CREATE INDEX idx_rm_security ON risk_metrics (security_id);
      CREATE INDEX idx_rm_portfolio ON risk_metrics (portfolio_id);

      CREATE TABLE variance_summary (
        summary_id         integer       PRIMARY KEY,
        portfolio_id       varchar(16)   NOT NULL REFERENCES portfolio (portfolio_id),
        security_id        varchar(16)   NOT NULL REFERENCES securities_master (security_id),
        period_from        date          NOT NULL,
        period_to          date          NOT NULL,
        mv_start           numeric(20,2) NOT NULL,
        mv_end             numeric(20,2) NOT NULL,
        price_effect       numeric(20,2) NOT NULL,
        qty_effect         numeric(20,2) NOT NULL,
        fx_effect          numeric(20,2) NOT NULL,
        corp_action_effect numeric(20,2) NOT NULL,
        total_pnl          numeric(20,2) NOT NULL,
        CONSTRAINT variance_summary_position_key UNIQUE (portfolio_id, security_id, period_from, period_to),
        CONSTRAINT variance_summary_identity_check CHECK (
          mv_end - mv_start = total_pnl
          AND price_effect + qty_effect + fx_effect + corp_action_effect = total_pnl)
      );
      CREATE INDEX idx_vs_portfolio ON variance_summary (portfolio_id);
      CREATE INDEX idx_vs_security ON variance_summary (security_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE variance_summary, risk_metrics, corporate_actions, credit_ratings, fx_rates,
        transactions, pricing_period_2, pricing_period_1, holdings_period_2, holdings_period_1,
        portfolio, securities_master, issuer;
    `);
  }
}
