import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A portfolio's trades over a date range (the performance series' net flows) read one index range,
 * instead of every trade of the portfolio (idx_txn_portfolio) or of every portfolio on those dates
 * (idx_txn_date): about 112,000 trades a portfolio in the full profile.
 */
export class IndexTransactionsByPortfolioDate1732500000900 implements MigrationInterface {
  name = 'IndexTransactionsByPortfolioDate1732500000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX idx_txn_port_date ON transactions (portfolio_id, txn_date)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_txn_port_date');
  }
}
