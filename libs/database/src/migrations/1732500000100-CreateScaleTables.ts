import { MigrationInterface, QueryRunner } from 'typeorm';

/** The seed's daily scale tables (schema_scale.sql); tick_data has a migration of its own. */
export class CreateScaleTables1732500000100 implements MigrationInterface {
  name = 'CreateScaleTables1732500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pricing_history (
        security_id varchar(16)   NOT NULL REFERENCES securities_master (security_id),
        price_date  date          NOT NULL,
        open_price  numeric(18,6) NOT NULL CHECK (open_price > 0),
        high_price  numeric(18,6) NOT NULL,
        low_price   numeric(18,6) NOT NULL CHECK (low_price > 0),
        close_price numeric(18,6) NOT NULL CHECK (close_price > 0),
        volume      bigint        NOT NULL CHECK (volume >= 0),
        vwap        numeric(18,6) NOT NULL,
        -- The seed's idx_ph_sec_date doubles as the primary key: one index, not two.
        CONSTRAINT idx_ph_sec_date PRIMARY KEY (security_id, price_date),
        CONSTRAINT pricing_history_bar_check CHECK (
          low_price <= LEAST(open_price, close_price) AND high_price >= GREATEST(open_price, close_price)
          AND vwap BETWEEN low_price AND high_price)
      );
      CREATE INDEX idx_ph_date ON pricing_history (price_date);
      CREATE INDEX idx_ph_sid ON pricing_history (security_id);

      CREATE TABLE holdings_history (
        security_id      varchar(16)    NOT NULL REFERENCES securities_master (security_id),
        portfolio_id     varchar(16)    NOT NULL REFERENCES portfolio (portfolio_id),
        as_of_date       date           NOT NULL,
        quantity         numeric(20,4)  NOT NULL,
        market_value     numeric(20,2)  NOT NULL,
        weight           numeric(12,10) NOT NULL,
        cost_basis       numeric(20,2)  NOT NULL,
        accrued_interest numeric(20,2)  NOT NULL DEFAULT 0,
        CONSTRAINT holdings_history_pkey PRIMARY KEY (portfolio_id, as_of_date, security_id)
      );
      CREATE INDEX idx_hh_port_date ON holdings_history (portfolio_id, as_of_date);
      CREATE INDEX idx_hh_sec ON holdings_history (security_id);

      CREATE TABLE variance_quarterly (
        portfolio_id       varchar(16)   NOT NULL REFERENCES portfolio (portfolio_id),
        security_id        varchar(16)   NOT NULL REFERENCES securities_master (security_id),
        quarter_label      char(6)       NOT NULL CHECK (quarter_label ~ '^[0-9]{4}Q[1-4]$'),
        period_from        date          NOT NULL,
        period_to          date          NOT NULL,
        mv_start           numeric(20,2) NOT NULL,
        mv_end             numeric(20,2) NOT NULL,
        price_effect       numeric(20,2) NOT NULL,
        qty_effect         numeric(20,2) NOT NULL,
        fx_effect          numeric(20,2) NOT NULL,
        corp_action_effect numeric(20,2) NOT NULL,
        total_pnl          numeric(20,2) NOT NULL,
        CONSTRAINT variance_quarterly_pkey PRIMARY KEY (portfolio_id, security_id, quarter_label),
        CONSTRAINT variance_quarterly_identity_check CHECK (
          mv_end - mv_start = total_pnl
          AND price_effect + qty_effect + fx_effect + corp_action_effect = total_pnl)
      );
      CREATE INDEX idx_vq_port ON variance_quarterly (portfolio_id, quarter_label);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE variance_quarterly, holdings_history, pricing_history;');
  }
}
