import { DataSource } from 'typeorm';
import { Page } from './page';

export interface PagedQuery {
  /** Trusted SQL from the service: the FROM clause (with joins), columns and ordering. */
  from: string;
  columns: string;
  orderBy: string;
  /** Equality filters, column -> value; undefined values are left out. Values are always parameters. */
  filters: Record<string, string | number | undefined>;
  limit: number;
  offset: number;
}

/** One page of rows plus the number of rows matching the filters (for X-Total-Count). */
export async function pagedQuery<Row>(db: DataSource, query: PagedQuery): Promise<Page<Row>> {
  const active = Object.entries(query.filters).filter(([, value]) => value !== undefined);
  const where = active.length
    ? `WHERE ${active.map(([column], i) => `${column} = $${i + 1}`).join(' AND ')}`
    : '';
  const params = active.map(([, value]) => value);
  const [rows, [{ total }]] = await Promise.all([
    db.query(
      `SELECT ${query.columns} FROM ${query.from} ${where} ORDER BY ${query.orderBy}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    ),
    db.query(`SELECT count(*)::int AS total FROM ${query.from} ${where}`, params),
  ]);
  return new Page(rows, total, { limit: query.limit, offset: query.offset });
}
