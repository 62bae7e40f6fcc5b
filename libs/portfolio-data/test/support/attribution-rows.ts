import { AttributedPosition } from '@securities/analytics';
import {
  amountsInCents,
  VARIANCE_AMOUNT_COLUMNS,
  VarianceAmountColumn,
} from '@securities/variance';
import { DataSource } from 'typeorm';

/** One attributed row as the variance tables store it: ids and amounts as cent strings. */
export interface CentRow extends Record<VarianceAmountColumn, string> {
  portfolio_id: string;
  security_id: string;
}

const AMOUNTS = VARIANCE_AMOUNT_COLUMNS.map((column) => `${column}::text`).join(', ');

export function inCents(rows: readonly AttributedPosition[]): CentRow[] {
  return rows.map(({ position, attribution }) => ({
    portfolio_id: position.portfolioId,
    security_id: position.securityId,
    ...amountsInCents(attribution),
  }));
}

/** variance_summary's rows of a portfolio, in the order attributeBetween gives them. */
export function storedSummary(db: DataSource, portfolioId: string): Promise<CentRow[]> {
  return db.query(
    `SELECT portfolio_id, security_id, ${AMOUNTS} FROM variance_summary
     WHERE portfolio_id = $1 ORDER BY security_id`,
    [portfolioId],
  );
}

/** variance_quarterly's rows of a portfolio and quarter, in the order attributeBetween gives them. */
export function storedQuarter(
  db: DataSource,
  portfolioId: string,
  quarter: string,
): Promise<CentRow[]> {
  return db.query(
    `SELECT portfolio_id, security_id, ${AMOUNTS} FROM variance_quarterly
     WHERE portfolio_id = $1 AND quarter_label = $2 ORDER BY security_id`,
    [portfolioId, quarter],
  );
}

/** Every (portfolio, quarter) variance_quarterly holds, with the quarter's two dates. */
export function storedQuarters(
  db: DataSource,
): Promise<
  { portfolio_id: string; quarter_label: string; period_from: string; period_to: string }[]
> {
  return db.query(
    `SELECT DISTINCT portfolio_id, quarter_label, period_from::text, period_to::text
     FROM variance_quarterly ORDER BY portfolio_id, quarter_label`,
  );
}
