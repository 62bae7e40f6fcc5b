/**
 * What the readers need of a connection: a TypeORM DataSource or QueryRunner (the generator reads
 * inside its own transaction), or a pg client. Rows come back as PostgreSQL sends them: numerics
 * and dates as text, so amounts stay exact.
 */
export interface SqlClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
