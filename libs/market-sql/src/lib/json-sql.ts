/** How a column of database rows is written: numeric text verbatim as a number, or as a string. */
export type ColumnKind = 'number' | 'string';

/**
 * SQL for one JSON object's text, built by PostgreSQL from `fields` (name, kind, SQL expression):
 * a number is written as its expression's text verbatim (numeric text is exact), a string quoted
 * as it is, so only text that needs no escaping belongs there (ISO times). `||` makes the whole
 * object NULL when an expression is: give NOT NULL columns, or coalesce to 'null'.
 */
export function jsonObjectSql(fields: readonly [string, ColumnKind, string][]): string {
  const parts: string[] = [];
  let literal = '{';
  fields.forEach(([name, kind, sql], i) => {
    const quote = kind === 'string' ? '"' : '';
    parts.push(`'${literal}${i > 0 ? ',' : ''}"${name}":${quote}'`, `(${sql})`);
    literal = quote;
  });
  parts.push(`'${literal}}'`);
  return parts.join(' || ');
}
